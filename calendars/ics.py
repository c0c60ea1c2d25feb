"""Entries as an iCalendar (RFC 5545) document, with the ``icalendar`` library."""

from datetime import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


def ics_bytes(entries, *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Sosiokultural//Kalender pengembangan//ID")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    domain = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    stamp = timezone.now()
    for entry in entries:
        event = Event()
        event.add("uid", f"{entry.uid}@{domain}")
        event.add("dtstamp", stamp)
        event.add("summary", entry.summary)
        starts, ends = entry.starts, entry.ends
        if isinstance(starts, datetime):
            starts, ends = timezone.localtime(starts), timezone.localtime(ends)
        event.add("dtstart", starts)
        event.add("dtend", ends)
        if entry.description:
            event.add("description", entry.description)
        if entry.location:
            event.add("location", entry.location)
        calendar.add_component(event)
    return calendar.to_ical()
