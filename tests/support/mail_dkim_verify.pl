#!/usr/bin/perl
# Verify the DKIM signatures and the ARC chain of each message file given, with Mail::DKIM
# (Debian's libmail-dkim-perl), looking keys up at the name server given. One JSON line per
# file: {"file", "dkim": [{"d", "s", "result", "detail"}], "arc", "arc_detail"}.
# Usage: mail_dkim_verify.pl SERVER PORT FILE...
use strict;
use warnings;
use JSON::PP;
use Net::DNS::Resolver;
use Mail::DKIM::DNS;
use Mail::DKIM::Verifier;
use Mail::DKIM::ARC::Verifier;

my ($server, $port, @files) = @ARGV;
my $resolver = Net::DNS::Resolver->new(
    nameservers => [$server], port => $port, recurse => 0,
    udp_timeout => 5, tcp_timeout => 5, retry => 2,
);
Mail::DKIM::DNS::resolver($resolver);
my $json = JSON::PP->new->canonical;

for my $file (@files) {
    open my $fh, '<:raw', $file or die "$file: $!";
    my $data = do { local $/; <$fh> };
    close $fh;
    $data =~ s/\r?\n/\r\n/g;

    my $dkim = Mail::DKIM::Verifier->new();
    $dkim->PRINT($data);
    $dkim->CLOSE;
    my @sigs = map {
        { d => $_->domain // '', s => $_->selector // '', result => $_->result // '',
          detail => $_->result_detail // '' }
    } $dkim->signatures;

    my $arc = Mail::DKIM::ARC::Verifier->new();
    $arc->PRINT($data);
    $arc->CLOSE;
    print $json->encode({ file => $file, dkim => \@sigs, arc => $arc->result // '',
                          arc_detail => $arc->result_detail // '' }), "\n";
}
