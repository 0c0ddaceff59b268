"""The demo Lào Cai federation's texts, read from `content.json` beside this file.

People and firms are fictional; places, the union system and the labour law are real. Dates are
given as [month, day] and placed in the twelve months before the day the demo is loaded, so a
Tết item is dated in January and a 20/10 item in October whatever the year.

Each key of the file is an attribute of `CONTENT` in upper case (`units` → `CONTENT.UNITS`).
Entries written as lists hold, in order:

- `units`: code, name, short name, kind, phone, English name; `retired_units` and
  `former_names`: the units' history (a district federation and a department merged away,
  two renames);
- `members`: body, name, position, workplace, English position, English workplace;
  `unit_contacts`: unit code → person answering the phone, position, English position;
  `leader_contacts`: name, position, English position, phone;
- `columns`: slug, title, owning unit; `photo_themes`: one theme per generated picture;
  `stories`: column → stories, each run at two places (`x` fills `{x}`) and two dates
  (`at`: x, month, day);
- `subsites`: unit code → introduction paragraphs and news (title, lead, paragraph, tag, photo
  theme, month, day);
- `documents`: number, type, issuer, level, title (trích yếu), summary, field, signer, days ago;
  `downloads`: category, title, file code; `doc_type_headings`: the PDF heading per type;
- `schedule_this_week`, `schedule_last_week`: weekday, time, content, leader, participants,
  place;
- `questions`: title, question, answer paragraphs, topic, asker, asker's unit, contact
  (private); `waiting_questions`: questions members sent through the form that wait for an
  answer: name, workplace, phone (private), topic, question;
- `banners`, `banners_en`: title, alt text, days shown before today, days after (the English
  home page shows English banners only); `video_url`: a search, not a made-up video id, so it
  always leads somewhere real.
"""

import json
from pathlib import Path
from types import SimpleNamespace

PATH = Path(__file__).with_name("content.json")


def load(path: Path = PATH) -> SimpleNamespace:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return SimpleNamespace(**{key.upper(): value for key, value in data.items()})


CONTENT = load()
