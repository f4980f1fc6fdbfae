"""The fictitious Japanese company the Japanese evaluation sets are addressed to: its own domain,
its executives, and the correspondents it really deals with. The business-mail corpus
(``ja_business.py``) and the BEC set (``ja_bec.py``) share it, so that a lookalike in the BEC
set imitates a correspondent the business corpus really writes from, and ``rules_yaml()`` gives
the analyser the configuration a customer would write (own domains, VIPs, correspondents).

All names are invented; the domains are used on loopback only and never resolved."""

from __future__ import annotations

from dataclasses import dataclass

ORG_NAME = "株式会社みなと精機"
ORG_DOMAIN = "minato-seiki.co.jp"
MX_HOST = "mx1.minato-seiki.co.jp"  # the receiving MX: it records Authentication-Results


@dataclass(frozen=True)
class Person:
    name: str  # as written in a display name: 姓 名
    title: str
    address: str


CEO = Person("高橋 健一", "代表取締役社長", "k.takahashi@minato-seiki.co.jp")
VIPS = (
    CEO,
    Person("渡辺 誠", "専務取締役", "m.watanabe@minato-seiki.co.jp"),
    Person("伊藤 由美", "経理部長", "y.ito@minato-seiki.co.jp"),
)
STAFF = (
    Person("小林 直樹", "経理部", "n.kobayashi@minato-seiki.co.jp"),
    Person("山本 さくら", "人事部", "s.yamamoto@minato-seiki.co.jp"),
    Person("中村 翔", "総務部", "s.nakamura@minato-seiki.co.jp"),
    Person("加藤 大輔", "情報システム部", "d.kato@minato-seiki.co.jp"),
    Person("吉田 彩", "営業部", "a.yoshida@minato-seiki.co.jp"),
)


@dataclass(frozen=True)
class Correspondent:
    name: str
    role: str
    domain: str
    contact: Person


CORRESPONDENTS = (
    Correspondent(
        "大和商事株式会社",
        "supplier",
        "daiwa-shoji.co.jp",
        Person("松本 隆", "営業部", "t.matsumoto@daiwa-shoji.co.jp"),
    ),
    Correspondent(
        "東洋電機株式会社",
        "customer",
        "toyo-denki.co.jp",
        Person("井上 真一", "購買部", "s.inoue@toyo-denki.co.jp"),
    ),
    Correspondent(
        "佐藤税理士事務所",
        "tax accountant",
        "sato-zeirishi.jp",
        Person("佐藤 浩", "税理士", "hiroshi@sato-zeirishi.jp"),
    ),
    Correspondent(
        "中央総合法律事務所",
        "law firm",
        "chuo-sogo-law.jp",
        Person("木村 恵子", "弁護士", "k.kimura@chuo-sogo-law.jp"),
    ),
    Correspondent(
        "北斗運輸株式会社",
        "carrier",
        "hokuto-unyu.co.jp",
        Person("林 健太", "配車係", "k.hayashi@hokuto-unyu.co.jp"),
    ),
    Correspondent(
        "富士システムズ株式会社",
        "IT vendor",
        "fuji-systems.co.jp",
        Person("清水 亮", "サポート", "support@fuji-systems.co.jp"),
    ),
    Correspondent(
        "鈴木社会保険労務士事務所",
        "labour consultant",
        "suzuki-sharoushi.jp",
        Person("鈴木 明美", "社会保険労務士", "akemi@suzuki-sharoushi.jp"),
    ),
    Correspondent(
        "千代田印刷株式会社",
        "supplier",
        "chiyoda-insatsu.co.jp",
        Person("森 雄一", "営業", "y.mori@chiyoda-insatsu.co.jp"),
    ),
)


def rules_yaml() -> str:
    """The analyser's rules file for this company, as its administrator would write it."""
    lines = [
        f"own_domains: [{ORG_DOMAIN}]",
        f"trusted_authserv_ids: [{MX_HOST}]",
        "correspondents: [" + ", ".join(c.domain for c in CORRESPONDENTS) + "]",
        "vips:",
    ]
    for p in VIPS:
        lines.append(f"  - {{name: {p.name}, addresses: [{p.address}]}}")
    return "\n".join(lines) + "\n"
