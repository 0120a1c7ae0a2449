"""The validation service of `mcds serve`: the built portal and `POST /api/validate` in one ASGI application
(Starlette, served by uvicorn). Above publish and below cli: it serves what the portal built and runs the
validation package's own validator and report renderers, in worker processes with a hard time limit."""
