"""``argmap serve``: a local web server that shows the maps of a folder, live.

It sits above io (loading), analysis (checks) and render (the interactive HTML
page), and below the command line. Modules:

- :mod:`~argmap.server.files`: which files it serves (map files under the folder, never
  anything outside it) and the stamp that tells when one has changed;
- :mod:`~argmap.server.maps`: loading, checking and drawing one map;
- :mod:`~argmap.server.pages`: the index and error pages and the live script;
- :mod:`~argmap.server.watch`: the file watcher (watchfiles) and the change signal;
- :mod:`~argmap.server.handler`: the HTTP requests it answers;
- :mod:`~argmap.server.app`: the server itself (:class:`~argmap.server.app.MapServer`).
"""
