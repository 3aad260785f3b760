"""api: the HTTP service. ``api.app.create_app(config)`` builds it; see docs/CONFIGURATION.md.

Kept empty of imports so that ``jobfit keys`` can use ``api.db`` without loading the models.
"""
