"""`aftersales serve`: a local web page for bid clerks and legal (Flask, server-rendered pages).

    app.py            configuration, security hooks, error pages
    security.py       host check, CSRF token + Origin check, paths kept inside their folder
    uploads.py        uploads: size limit, temporary folder, read as data
    tender_form.py    the tender form generated from the Tender model; problems next to inputs
    tender_store.py   tender files: list, find, validate and save (ruamel round trip)
    preview.py        resolved commitments and the 偏离表 before generating
    present.py        results → plain data for the templates
    views_*.py        the pages; each one a thin layer over generator.pipeline.build / check / library
    server.py         runs the app with waitress on a loopback port

Flask and waitress are the optional extra `web`; nothing here is imported by the other commands.
"""
