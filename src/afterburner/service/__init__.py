"""The judge as an HTTP service: a durable job table, worker processes, and clients.

`afterburner serve` starts it (`service.app`); jobs live in SQLite (`service.store`) and are run
by worker processes or Ray actors (`service.workers`); `service.client` talks to it and makes
any Afterburner command judge remotely (`--judge URL`). FastAPI and uvicorn are imported only
by `service.app`.
"""
