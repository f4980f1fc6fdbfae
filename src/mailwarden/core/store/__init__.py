"""Storage: SQLAlchemy 2 models, Alembic migrations, a session factory.

SQLite in the user data directory by default; PostgreSQL (or any SQLAlchemy URL) through
``MAILWARDEN_DATABASE_URL``. ``open_store`` migrates to the newest schema before use.
"""

from .db import Store, open_store
from .models import Base, DomainCheck, JobItem, JobRun, Survey, SurveyResult, User

__all__ = [
    "Base",
    "DomainCheck",
    "JobItem",
    "JobRun",
    "Store",
    "Survey",
    "SurveyResult",
    "User",
    "open_store",
]
