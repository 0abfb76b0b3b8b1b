"""Versions of the ranking model and how they scored on held-back outcomes."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class RankerModel(Base):
    """One version of the ranker: its parameters, their hash and its evaluation."""

    __tablename__ = "ranker_models"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    params: Mapped[dict[str, Any]] = mapped_column(JSON)
    params_hash: Mapped[str] = mapped_column(String(64))
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    trained_on: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=False)
