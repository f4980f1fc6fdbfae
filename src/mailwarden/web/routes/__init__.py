"""The console's routes: one module and one ``router`` per feature, each page with its JSON
twin under /api/. Handlers take what they share through ``ConsoleDep`` (``web/console.py``)."""
