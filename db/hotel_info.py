"""The operators' knowledge base; duty managers and administrators edit it."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from db.audit import audit, changed
from db.rows import HotelInfoRow
from db.store import Store
from switchboard.auth import Permission, require
from switchboard.clock import Clock
from switchboard.desk import InfoPage
from switchboard.errors import ConflictError, NotFound
from switchboard.hotel import Actor, clean_text


def _page(row: HotelInfoRow) -> InfoPage:
    return InfoPage(
        row.id, row.topic, row.topic_zh, row.body, row.body_zh, row.keywords, row.updated_by, row.version
    )


class SqlHotelInfo:
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def pages(self) -> Sequence[InfoPage]:
        with self._store.read() as s:
            return [_page(r) for r in s.scalars(select(HotelInfoRow).order_by(HotelInfoRow.topic))]

    def save(
        self,
        page_id: int | None,
        version: int,
        topic: str,
        topic_zh: str,
        body: str,
        body_zh: str,
        keywords: str,
        actor: Actor,
    ) -> InfoPage:
        require(actor, Permission.EDIT_HOTEL_INFO)
        values = {
            "topic": clean_text(topic, limit=200, what="topic", required=True),
            "topic_zh": clean_text(topic_zh, limit=200, what="Chinese topic"),
            "body": clean_text(body, limit=8000, what="text", required=True),
            "body_zh": clean_text(body_zh, limit=8000, what="Chinese text"),
            "keywords": clean_text(keywords, limit=400, what="keywords"),
        }
        now = self._clock.now()
        with self._store.unit() as s:
            if page_id is None:
                row = HotelInfoRow(**values, updated_at=now, updated_by=actor.user)
                s.add(row)
            else:
                found = s.get(HotelInfoRow, page_id)
                if found is None:
                    raise NotFound("info.missing", "That page no longer exists")
                if found.version != version:
                    raise ConflictError("info.changed", "Someone else changed this page just now")
                row = found
                for key, value in values.items():
                    setattr(row, key, value)
                row.updated_at, row.updated_by = now, actor.user
            s.flush()
            audit(s, actor, now, "info.save", "hotel_info", row.id, topic=row.topic)
            changed(s, actor, now, "hotel_info", row.id)
            return _page(row)
