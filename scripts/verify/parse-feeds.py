"""Parse feeds with the real feedparser (Debian python3-feedparser) and print one JSON line per
file: what scripts/verify/feeds.ts needs to judge them (well-formedness, version, items)."""
import json
import sys

import feedparser

for path in sys.argv[1:]:
    feed = feedparser.parse(path)
    print(json.dumps({
        "file": path,
        "bozo": bool(feed.bozo),
        "error": str(feed.get("bozo_exception", "")),
        "version": feed.get("version", ""),
        "title": feed.feed.get("title", ""),
        "entries": [
            {
                "title": entry.get("title", ""),
                "link": entry.get("link", ""),
                "date": bool(entry.get("published_parsed") or entry.get("updated_parsed")),
            }
            for entry in feed.entries
        ],
    }))
