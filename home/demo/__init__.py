"""`manage.py load_demo`: a believable Lào Cai portal, built idempotently.

Everything is looked up first (pages by parent and slug, units by code, files by title, users by
username) and only what is missing is created, so a second run changes nothing. Dates are relative
to the day of the load, in Asia/Ho_Chi_Minh: the demo always has this week's schedule and a year
of news. The texts are in `content.json` (read by `content.py`), the drawn pictures and PDF files
are made by `media.py`.
"""

import datetime
import hashlib
import random
from collections import Counter
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision, Site
from wagtail.rich_text import RichText
from wagtail.users.models import UserProfile

from documents.models import (
    DirectiveDocumentPage,
    DocumentAttachment,
    DocumentIndexPage,
    DownloadItem,
    DownloadsPage,
)
from ldld_wagtail.models import AskerName, PortalRole, RoyaltyFee, RoyaltyRate, Unit
from ldld_wagtail.profile import load_profile
from ldld_wagtail.search import index_page
from ldld_wagtail.setup import apply_profile
from ldld_wagtail.site_url import configured_host
from ldld_wagtail.text import fold
from news.models import (
    GalleryIndexPage,
    GalleryPage,
    GalleryPhoto,
    NewsPage,
    NewsPhoto,
    TopicColumnPage,
    VideoIndexPage,
    VideoPage,
)
from qa.forms import normalise_phone
from qa.models import QAIndexPage, QuestionPage, Submission, new_reference
from schedule.models import ScheduleEntry, ScheduleIndexPage, WeeklySchedulePage

from ..models import (
    Banner,
    Contact,
    ContactDirectoryPage,
    DepartmentFunction,
    HomePage,
    IntroductionPage,
    OrganisationMember,
    OrganisationPage,
    SubSiteHomePage,
    SubSiteIndexPage,
    UnitIntroPage,
)
from . import media as demo_media
from .content import CONTENT as c

PASSWORD = "demo1234"
TIME_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
_UNIT_NAMES = {code: name for code, name, *_ in c.UNITS}


class DemoAccount(NamedTuple):
    username: str
    last_name: str
    first_name: str
    role: str  # a role code of the lao-cai profile; empty for the developers' superuser
    description: str


# Every demo account has the password `demo1234`.
DEMO_ACCOUNTS = [
    DemoAccount("truongban", "Nguyễn Văn", "Hùng", "truong-ban", "Head of the board"),
    DemoAccount(
        "phoban1",
        "Trần Thị",
        "Thanh",
        "pho-ban-tt",
        "Standing deputy head: propaganda & women, office",
    ),
    DemoAccount(
        "phoban2",
        "Lê Quốc",
        "Bình",
        "pho-ban",
        "Deputy head: organisation & inspection, policy & law",
    ),
    DemoAccount("thuky", "Phạm Thu", "Hằng", "thu-ky", "Secretary"),
    DemoAccount("quantri", "Đỗ Minh", "Tuấn", "quan-tri", "Web admin"),
    DemoAccount("chanhvp", "Phan Văn", "Long", "lanh-dao-vp", "Office leader"),
    DemoAccount("vanthu", "Hoàng Thị", "Mai", "van-thu", "Clerk"),
    DemoAccount(
        "ctv-tochuc",
        "Vũ Tiến",
        "Dũng",
        "ctv-to-chuc",
        "Contributor, Organisation & Inspection",
    ),
    DemoAccount(
        "ctv-tuyengiao",
        "Ngô Hoàng",
        "Lan",
        "ctv-tuyen-giao",
        "Contributor, Propaganda & Women's Affairs",
    ),
    DemoAccount(
        "ctv-cspl",
        "Bùi Văn",
        "Nam",
        "ctv-cspl",
        "Contributor, Policy, Law & Labour Relations",
    ),
    DemoAccount("ctv-vanphong", "Đặng Thị", "Hoa", "ctv-van-phong", "Contributor, Office"),
    DemoAccount(
        "bientap-sa-pa",
        "Lý Seo",
        "Sơn",
        "bien-tap-sa-pa",
        "Editor of the Sa Pa sub-site",
    ),
    DemoAccount(
        "bientap-gd",
        "Trịnh Hải",
        "Yến",
        "bien-tap-gd",
        "Editor of the Education sector sub-site",
    ),
    DemoAccount("admin", "Quản trị", "Hệ thống", "", "Superuser, for developers"),
]


class Tally:
    """What a run created, updated, removed and found already there, by kind."""

    ACTIONS = ("created", "updated", "removed", "found")

    def __init__(self):
        self.counts = {action: Counter() for action in self.ACTIONS}

    def add(self, action: str, kind: str, n: int = 1):
        self.counts[action][kind] += n

    @property
    def created(self) -> Counter:
        return self.counts["created"]

    def summary(self) -> str:
        lines = []
        for action in self.ACTIONS:
            counter = self.counts[action]
            if counter:
                items = ", ".join(f"{n} {kind}" for kind, n in sorted(counter.items()))
                lines.append(f"{action.capitalize()} ({sum(counter.values())}): {items}")
        if not self.created and not self.counts["updated"] and not self.counts["removed"]:
            lines.append("The demo portal was already complete: nothing changed.")
        return "\n".join(lines)


def _has(page, name) -> bool:
    value = getattr(page, name)
    if hasattr(value, "all"):  # a child relation
        return value.exists() if hasattr(value, "exists") else bool(list(value.all()))
    return bool(value)


def slug_for(text: str, limit: int = 90) -> str:
    """An ASCII slug from Vietnamese text (`đ` becomes `d`), cut at a word boundary."""
    slug = slugify(fold(text.replace("/", "-")))
    return slug if len(slug) <= limit else slug[:limit].rsplit("-", 1)[0]


def _paragraphs(texts) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


class Loader:
    def __init__(self):
        self.tally = Tally()
        self.now = timezone.now()
        self.today = self.now.astimezone(TIME_ZONE).date()

    # --- building blocks ---------------------------------------------------------------------

    def page(self, parent, model, slug, **fields):
        """The child `slug` of `parent`, created and published if missing: (page, created)."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return self.fill(existing.specific, fields)
        tags = fields.pop("tags", ())
        relations = {
            name: fields.pop(name)
            for name in list(fields)
            if isinstance(fields[name], list) and name != "body"
        }
        page = model(slug=slug, **fields)
        for name, items in relations.items():
            setattr(page, name, items)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.tally.add("created", model.__name__)
        return page, True

    def fill(self, page, fields):
        """Give a page the profile created (title only) the demo's content, once."""
        empty = {
            name: value
            for name, value in fields.items()
            if name not in ("title", "tags") and value and not _has(page, name)
        }
        if not empty:
            self.tally.add("found", type(page).__name__)
            return page, False
        for name, value in empty.items():
            setattr(page, name, value)
        page.save_revision().publish()
        self.tally.add("updated", type(page).__name__)
        return page, True

    def backdate(self, page, when: datetime.datetime):
        """Make a just-published page look published at `when`, and re-index it."""
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        Revision.objects.filter(pk=page.latest_revision_id).update(created_at=when)
        page.first_published_at = page.last_published_at = when
        index_page(page)

    def at(self, month: int, day: int, hour: int = 9) -> datetime.datetime:
        """The latest (month, day) not after today, at `hour` in Vietnam, never in the future."""
        year = self.today.year
        when = self._date(year, month, day)
        if when > self.today:
            when = self._date(year - 1, month, day)
        moment = datetime.datetime.combine(when, datetime.time(hour, 15 * (day % 4)), TIME_ZONE)
        return min(moment, self.now - datetime.timedelta(minutes=30))

    @staticmethod
    def _date(year, month, day):
        try:
            return datetime.date(year, month, day)
        except ValueError:  # 29 February
            return datetime.date(year, month, 28)

    def day_at(self, day: datetime.date, hour: int) -> datetime.datetime:
        moment = datetime.datetime.combine(day, datetime.time(hour), TIME_ZONE)
        return min(moment, self.now - datetime.timedelta(minutes=30))

    def month_start(self, months_back: int) -> datetime.date:
        month_index = self.today.year * 12 + self.today.month - 1 - months_back
        return datetime.date(month_index // 12, month_index % 12 + 1, 1)

    def image(self, title: str, filename: str, draw) -> Image:
        existing = Image.objects.filter(title=title).first()
        if existing is not None:
            self.tally.add("found", "Image")
            return existing
        data = draw()
        self.tally.add("created", "Image")
        return Image.objects.create(
            title=title,
            file=ImageFile(ContentFile(data), name=filename),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 - Wagtail's own choice
        )

    def document(self, title: str, filename: str, draw) -> Document:
        existing = Document.objects.filter(title=title).first()
        if existing is not None:
            self.tally.add("found", "Document")
            return existing
        data = draw()
        self.tally.add("created", "Document")
        return Document.objects.create(
            title=title,
            file=ContentFile(data, name=filename),
            file_size=len(data),
            file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324
        )

    # --- the portal --------------------------------------------------------------------------

    def run(self) -> Tally:
        with transaction.atomic():
            self.profile()
            self.locales()
            self.units()
            self.pictures()
            home = self.home()
            self.sections(home)
            self.english(home)
            self.banners()
            self.accounts()
            self.royalty_amounts()
        return self.tally

    def profile(self):
        """The federation's structure (units, roles, sections, workflows) from its profile."""
        report = apply_profile(load_profile("lao-cai"))
        self.tally.add("updated" if report.changes else "found", "profile lao-cai")

    def locales(self):
        self.vi, made = Locale.objects.get_or_create(language_code="vi")
        self.tally.add("created" if made else "found", "Locale")
        self.en, made = Locale.objects.get_or_create(language_code="en")
        self.tally.add("created" if made else "found", "Locale")

    def units(self):
        """The profile made the units; the demo adds their contact details."""
        self.unit = {u.code: u for u in Unit.objects.all()}
        for code, _name, _short, kind, phone, _ in c.UNITS:
            unit = self.unit[code]
            details = {
                "phone": phone,
                "email": f"{code}@laocai.example.vn",
                "address": c.HOME["address"] if kind in ("office", "department") else "",
            }
            missing = {k: v for k, v in details.items() if v and not getattr(unit, k)}
            if missing:
                for k, v in missing.items():
                    setattr(unit, k, v)
                unit.save(update_fields=list(missing))
                self.tally.add("updated", "Unit")
            else:
                self.tally.add("found", "Unit")

    def pictures(self):
        self.photos = {
            theme: self.image(
                f"Ảnh minh họa {n + 1:02d}: {theme}",
                f"demo-{n + 1:02d}-{slug_for(theme)}.jpg",
                lambda n=n, theme=theme: demo_media.photo(n, theme),
            )
            for n, theme in enumerate(c.PHOTO_THEMES)
        }
        departments = [self.unit[code].name for code in c.DEPARTMENTS]
        unions = [self.unit[code].short_name for code in c.SUBSITE_UNITS + ["bao-thang"]]
        self.chart = self.image(
            "Sơ đồ tổ chức LĐLĐ tỉnh Lào Cai",
            "so-do-to-chuc.jpg",
            lambda: demo_media.org_chart(departments, unions),
        )

    def home(self) -> HomePage:
        Page.objects.filter(depth=1).exclude(locale=self.vi).update(locale=self.vi)
        home = HomePage.objects.filter(depth=2, locale=self.vi).first()
        if home is None:
            home = HomePage(slug="trang-chu", locale=self.vi, **c.HOME)
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision().publish()
            self.tally.add("created", "HomePage")
        else:
            home, _ = self.fill(home, c.HOME)
        self.site(home)
        # Wagtail's "Welcome to your new Wagtail site!": a bare Page next to ours.
        bare = ContentType.objects.get_for_model(Page)
        for welcome in Page.objects.filter(depth=2, content_type=bare):
            welcome.delete()
            self.tally.add("removed", "welcome Page")
        return home

    def site(self, home):
        hostname, port = configured_host()  # what `make run` serves
        wanted = {
            "hostname": hostname,
            "port": port,
            "root_page_id": home.pk,
            "site_name": c.SITE_NAME,
            "is_default_site": True,
        }
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(**wanted)
            self.tally.add("created", "Site")
        elif any(getattr(site, k) != v for k, v in wanted.items()):
            for k, v in wanted.items():
                setattr(site, k, v)
            site.save()
            self.tally.add("updated", "Site")
        else:
            self.tally.add("found", "Site")

    def sections(self, home):
        """The sections in menu order, then what they hold."""
        intro, intro_made = self.page(
            home,
            IntroductionPage,
            "gioi-thieu-chung",
            title=c.INTRO["title"],
            show_in_menus=True,
            lead=c.INTRO["lead"],
            body=self.intro_body(c.INTRO),
        )
        self.intro = intro
        self.organisation(home)
        self.columns = {
            slug: self.page(
                home,
                TopicColumnPage,
                slug,
                title=title,
                unit=self.unit[unit_code],
                intro=f"<p>{c.COLUMN_INTROS[slug]}</p>",
                show_in_menus=True,
            )[0]
            for slug, title, unit_code in c.COLUMNS
        }
        self.guidance = self.documents(home)
        if intro_made:
            # The Charter's guidance is a document page: link it now that it exists.
            intro.body = self.intro_body(c.INTRO)
            intro.save_revision().publish()
        self.downloads(home)
        self.contacts(home)
        self.schedule(home)
        self.questions(home)
        self.videos(home)
        self.galleries(home)
        self.subsites(home)
        self.news()

    def intro_body(self, t: dict) -> list:
        guidance = getattr(self, "guidance", None)
        links = [{"title": title, "url": url, "page": None} for title, url in t["laws"]]
        if guidance is not None:
            links.append({"title": t["guidance"], "url": "", "page": guidance})
        return [
            ("paragraph", RichText(t["about"])),
            ("heading", t["duties_heading"]),
            ("paragraph", RichText(t["duties"])),
            ("heading", t["chart_heading"]),
            (
                "org_chart",
                {"image": self.chart, "caption": t["chart_caption"], "credit": t["chart_credit"]},
            ),
            ("heading", t["history_heading"]),
            ("timeline", [{"year": year, "event": event} for year, event in t["timeline"]]),
            ("heading", t["congress_heading"]),
            (
                "congresses",
                [
                    {
                        "name": name,
                        "term": term,
                        "held_on": datetime.date.fromisoformat(held),
                        "summary": summary,
                    }
                    for name, term, held, summary in t["congresses"]
                ],
            ),
            ("heading", t["leaders_heading"]),
            (
                "leaders",
                [
                    {"name": name, "position": position, "term": term, "photo": None}
                    for name, position, term in t["leaders"]
                ],
            ),
            ("heading", t["law_heading"]),
            ("legal_links", links),
        ]

    def organisation(self, home):
        self.organisation_page, _ = self.page(
            home,
            OrganisationPage,
            "bo-may-to-chuc",
            title="Bộ máy tổ chức",
            show_in_menus=True,
            intro=c.ORGANISATION_INTRO,
            updated_on=self.today - datetime.timedelta(days=40),
            departments=[
                DepartmentFunction(unit=self.unit[code], functions=c.FUNCTIONS[code])
                for code in c.DEPARTMENTS
            ],
            members=[
                OrganisationMember(body=body, name=name, position=position, unit=where, term=term)
                for body, name, position, where, term in self.members("vi")
            ],
        )

    def members(self, language):
        for body, name, position, where, position_en, where_en in c.MEMBERS:
            if language == "en":
                position, where = position_en, where_en
            yield body, name, position, where, "2023 - 2028"

    def documents(self, home):
        """The directive documents; returns the Charter guidance's page for the introduction."""
        index, _ = self.page(
            home,
            DocumentIndexPage,
            "van-ban-chi-dao",
            title="Văn bản chỉ đạo",
            show_in_menus=True,
            intro="<p>Văn bản của LĐLĐ tỉnh và của cấp trên: Trung ương, Tổng Liên đoàn, Tỉnh ủy, "
            "UBND tỉnh. Tra cứu theo loại văn bản, cơ quan ban hành, năm hoặc số hiệu.</p>",
        )
        guidance = None
        for number, kind, issuer, level, title, summary, field, signer, days in c.DOCUMENTS:
            issued = self.today - datetime.timedelta(days=days)
            heading = c.DOC_TYPE_HEADINGS[kind]
            pdf = self.document(
                f"{number} - {title}",
                f"{slug_for(number)}.pdf",
                lambda n=number, i=issuer, h=heading, t=title, s=summary, d=issued, g=signer: (
                    demo_media.pdf(i, n, h, t, [s], d, g)
                ),
            )
            page, made = self.page(
                index,
                DirectiveDocumentPage,
                slug_for(number),
                title=title,
                number=number,
                doc_type=kind,
                issuer=issuer,
                issuer_level=level,
                issued_on=issued,
                effective_on=issued + datetime.timedelta(days=0 if kind == "cong-van" else 10),
                signer=signer,
                field=field,
                summary=summary,
                attachments=[DocumentAttachment(document=pdf, label=f"{heading} số {number}")],
            )
            if made:
                self.backdate(page, self.day_at(issued + datetime.timedelta(days=1), 15))
            if kind == "huong-dan" and level == "tld":
                guidance = page
        return guidance

    def downloads(self, home):
        files = []
        for category, title, code in c.DOWNLOADS:
            document = self.document(
                title,
                f"{code.lower()}-{slug_for(title, 50)}.pdf",
                lambda t=title, k=code: demo_media.pdf(
                    c.FEDERATION, k, "Tài liệu", t, ["Tài liệu tải về của Cổng thông tin."]
                ),
            )
            files.append(DownloadItem(category=category, title=title, document=document))
        self.page(
            home,
            DownloadsPage,
            "tai-lieu",
            title="Tài liệu",
            show_in_menus=True,
            intro="<p>Biểu mẫu và tài liệu tuyên vận để tải về.</p>",
            files=files,
        )

    def contacts(self, home):
        self.contacts_page, _ = self.page(
            home,
            ContactDirectoryPage,
            "so-dien-thoai",
            title="Số điện thoại",
            show_in_menus=True,
            intro=c.CONTACTS_INTRO,
            contacts=self.contact_list("vi"),
        )

    def contact_list(self, language):
        english = language == "en"
        contacts = [
            Contact(
                group=c.LEADERS_GROUP_EN if english else c.LEADERS_GROUP,
                name=name,
                position=position_en if english else position,
                phone=phone,
                email=c.HOME["email"],
            )
            for name, position, position_en, phone in c.LEADER_CONTACTS
        ]
        english_names = {code: en for code, *_, en in c.UNITS}
        for code, (name, position, position_en) in c.UNIT_CONTACTS.items():
            unit = self.unit[code]
            contacts.append(
                Contact(
                    unit=unit,
                    group=english_names[code] if english else "",
                    name=name,
                    position=position_en if english else position,
                    phone=unit.phone,
                    email=unit.email,
                )
            )
        return contacts

    def schedule(self, home):
        index, _ = self.page(
            home,
            ScheduleIndexPage,
            "lich-cong-tac",
            title="Lịch công tác tuần",
            show_in_menus=True,
            intro="Lịch công tác tuần của Thường trực LĐLĐ tỉnh Lào Cai. Lịch có thể thay đổi; "
            "Văn phòng sẽ thông báo khi có điều chỉnh.",
        )
        this_monday = self.today - datetime.timedelta(days=self.today.weekday())
        for monday, rows in (
            (this_monday - datetime.timedelta(days=7), c.SCHEDULE_LAST_WEEK),
            (this_monday, c.SCHEDULE_THIS_WEEK),
        ):
            sunday = monday + datetime.timedelta(days=6)
            year, week, _ = monday.isocalendar()
            page, made = self.page(
                index,
                WeeklySchedulePage,
                f"tuan-{monday:%Y-%m-%d}",
                title=f"Lịch công tác tuần {week}/{year} (từ {monday:%d/%m} đến {sunday:%d/%m/%Y})",
                week_start=monday,
                entries=[
                    ScheduleEntry(
                        day=monday + datetime.timedelta(days=offset),
                        time=datetime.time.fromisoformat(at),
                        content=content,
                        leader=leader,
                        participants=participants,
                        location=location,
                    )
                    for offset, at, content, leader, participants, location in rows
                ],
            )
            if made:  # posted by the clerk on the Friday before
                self.backdate(page, self.day_at(monday - datetime.timedelta(days=3), 16))

    def questions(self, home):
        index, _ = self.page(
            home,
            QAIndexPage,
            "hoi-dap",
            title="Hỏi đáp",
            show_in_menus=True,
            intro="<p>Đoàn viên, người lao động gửi câu hỏi về pháp luật lao động, công đoàn; Ban "
            "Chính sách - Pháp luật &amp; Quan hệ Lao động LĐLĐ tỉnh trả lời.</p>",
        )
        for n, (title, question, answer, topic, asker, where, contact) in enumerate(c.QUESTIONS):
            asked = self.today - datetime.timedelta(days=12 + n * 37)
            answered = asked + datetime.timedelta(days=4)
            page, made = self.page(
                index,
                QuestionPage,
                slug_for(title, 70),
                title=title,
                question=question,
                asker_name=AskerName.shown(asker, AskerName.GIVEN_NAME),
                asker_unit=where,
                asked_on=asked,
                answer=_paragraphs(answer),
                answered_on=answered,
                answering_unit=self.unit["cspl-qhld"],
                topic=topic,
            )
            if made:
                self.backdate(page, self.day_at(answered, 10))
            if not Submission.objects.filter(page=page).exists():
                email, _, phone = contact.partition(" · ") if "@" in contact else ("", "", contact)
                if "@" in phone:
                    email, phone = phone, email
                Submission.objects.create(
                    reference=new_reference(self.day_at(asked, 9)),
                    page=page,
                    submitted_at=self.day_at(asked, 9),
                    full_name=asker,
                    unit=where,
                    email=email.strip(),
                    phone="".join(ch for ch in phone if ch.isdigit()),
                    consent=True,
                    topic=topic,
                    question=question,
                    status=Submission.Status.ANSWERED,
                )
        # Two questions members sent this week through the form, waiting for the department.
        for name, unit, phone, topic, question in c.WAITING_QUESTIONS:
            if not Submission.objects.filter(question=question).exists():
                sent = {"full_name": name, "unit": unit, "phone": normalise_phone(phone)}
                sent.update(topic=topic, question=question, consent=True)
                index.receive_question(sent, "192.0.2.10")

    def videos(self, home):
        index, _ = self.page(
            home,
            VideoIndexPage,
            "video",
            title="Video",
            show_in_menus=True,
            intro="<p>Video Chuyên mục Công đoàn, phát hành hằng tháng.</p>",
        )
        themes = ["Tết Sum vầy", "Đối thoại", "Nữ công", "An toàn lao động"]
        for months_back in range(3):
            month = self.month_start(months_back)
            page, made = self.page(
                index,
                VideoPage,
                f"video-chuyen-muc-cong-doan-{month:%Y-%m}",
                title=f"Video Chuyên mục Công đoàn tháng {month:%m/%Y}",
                month=month,
                description=c.VIDEO_DESCRIPTIONS[month.month % len(c.VIDEO_DESCRIPTIONS)],
                video_url=c.VIDEO_URL,
                poster=self.photos[themes[month.month % len(themes)]],
                unit=self.unit["tuyen-giao-nu-cong"],
                authors="Lò Văn Tiến, Hoàng Thị Mai",
            )
            if made:
                self.backdate(page, self.day_at(month + datetime.timedelta(days=19), 9))

    def galleries(self, home):
        index, _ = self.page(
            home,
            GalleryIndexPage,
            "hinh-anh",
            title="Hình ảnh nổi bật",
            show_in_menus=True,
            intro="<p>Hình ảnh nổi bật có chú thích do các ban gửi hằng tháng.</p>",
        )
        for months_back in (1, 0):
            month = self.month_start(months_back)
            for code, themes in c.GALLERY_PHOTOS.items():
                unit = self.unit[code]
                page, made = self.page(
                    index,
                    GalleryPage,
                    f"{code}-{month:%Y-%m}",
                    title=f"Hình ảnh nổi bật tháng {month:%m/%Y} - {unit.name}",
                    month=month,
                    unit=unit,
                    photos=[
                        GalleryPhoto(image=self.photos[theme], caption=caption, credit=unit.name)
                        for theme, caption in zip(themes, c.GALLERY_CAPTIONS[code], strict=True)
                    ],
                )
                if made:
                    self.backdate(page, self.day_at(month + datetime.timedelta(days=24), 11))

    def subsites(self, home):
        index, _ = self.page(
            home,
            SubSiteIndexPage,
            "don-vi",
            title="Các LĐLĐ huyện và Công đoàn ngành",
            show_in_menus=True,
            intro="<p>Trang của các Liên đoàn Lao động huyện, thị xã, thành phố và Công đoàn "
            "ngành: mỗi đơn vị tự biên tập, duyệt và đăng tin, bài của mình.</p>",
        )
        for code in c.SUBSITE_UNITS:
            unit = self.unit[code]
            intro, stories = c.SUBSITES[code]
            subsite, _ = self.page(
                index, SubSiteHomePage, code, title=unit.name, unit=unit, intro=f"<p>{intro[0]}</p>"
            )
            about, made = self.page(
                subsite,
                UnitIntroPage,
                "gioi-thieu-cong-doan",
                title="Giới thiệu công đoàn",
                body=[
                    *[("paragraph", RichText(f"<p>{text}</p>")) for text in intro],
                    ("heading", "Liên hệ"),
                    (
                        "paragraph",
                        RichText(f"<p>Điện thoại: {unit.phone}. Email: {unit.email}</p>"),
                    ),
                ],
            )
            if made:  # written when the sub-site opened, long before this year's news
                self.backdate(about, self.day_at(self.today - datetime.timedelta(days=400), 9))
            author = c.SUBSITE_AUTHORS[code]
            for k, (title, lead, text, tag, theme, month, day) in enumerate(stories):
                page, made = self.page(
                    subsite,
                    NewsPage,
                    slug_for(title),
                    title=title,
                    kind="tin",
                    lead=lead,
                    body=[
                        ("paragraph", RichText(f"<p>{text}</p>")),
                        ("paragraph", RichText(f"<p>{c.CLOSINGS[k % len(c.CLOSINGS)]}</p>")),
                    ],
                    authors=author,
                    unit=unit,
                    tags=[tag],
                    photos=[NewsPhoto(image=self.photos[theme], caption=lead, credit=author)],
                )
                if made:
                    self.backdate(page, self.at(month, day, hour=8 + k * 3))

    def news(self):
        for column_slug, stories in c.STORIES.items():
            column = self.columns[column_slug]
            authors = c.AUTHORS[column_slug]
            seen = set()
            for s, story in enumerate(stories):
                for v, (x, month, day) in enumerate(story["at"]):
                    title = story["title"].format(x=x)
                    slug = slug_for(title)
                    if slug in seen:
                        raise ValueError(f"Two demo items share the slug {slug!r}")
                    seen.add(slug)
                    author = authors[(s + v) % len(authors)]
                    page, made = self.page(
                        column,
                        NewsPage,
                        slug,
                        title=title,
                        kind=story["kind"],
                        lead=story["lead"].format(x=x),
                        body=self.news_body(story, x, slug),
                        authors=author,
                        unit=column.unit,
                        tags=story["tags"],
                        featured=bool(story.get("featured")) and v == 0,
                        send_to_national=story["kind"] == "bai" or (s + v) % 3 == 0,
                        photos=self.news_photos(story, x, author),
                    )
                    if made:
                        self.backdate(page, self.at(month, day, hour=7 + (3 * s + v) % 10))

    def news_body(self, story, x, slug) -> list:
        rng = random.Random(slug)
        paragraphs = [text.format(x=x) for text in story["body"]]
        body = [("paragraph", RichText(f"<p>{paragraphs[0]}</p>"))]
        if story["kind"] == "bai":
            text, source = rng.choice(c.QUOTES)
            body.append(("quote", {"text": text, "source": source}))
        body += [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs[1:]]
        body.append(("paragraph", RichText(f"<p>{rng.choice(c.CLOSINGS)}</p>")))
        return body

    def news_photos(self, story, x, author) -> list:
        photos = [
            NewsPhoto(
                image=self.photos[story["photo"]],
                caption=story["caption"].format(x=x),
                credit=author,
            )
        ]
        if story["kind"] == "bai":  # articles carry a second, illustrative photo
            photos.append(
                NewsPhoto(
                    image=self.photos["Hội nghị" if story["photo"] != "Hội nghị" else "Tập huấn"],
                    caption="Ảnh minh họa.",
                    credit=author,
                )
            )
        return photos

    def banners(self):
        vietnamese = [(n, "vi", *banner) for n, banner in enumerate(c.BANNERS)]
        english = [(n, "en", *banner) for n, banner in enumerate(c.BANNERS_EN)]
        for n, language, title, alt, before, after in vietnamese + english:
            if Banner.objects.filter(title=title).exists():
                self.tally.add("found", "Banner")
                continue
            if language == "en":
                label, filename = f"Banner: {title}", f"banner-{slug_for(title)}.jpg"
                signature = c.HOME_EN["title"]
            else:
                label, filename = f"Băng rôn: {title}", f"bang-ron-{slug_for(title)}.jpg"
                signature = "Liên đoàn Lao động tỉnh Lào Cai"
            image = self.image(
                label,
                filename,
                lambda n=n, title=title, signature=signature: demo_media.banner(
                    n, title, signature
                ),
            )
            Banner.objects.create(
                title=title,
                image=image,
                alt_text=alt,
                language=language,
                starts_at=self.now - datetime.timedelta(days=before),
                ends_at=self.now + datetime.timedelta(days=after),
                sort_order=n,
            )
            self.tally.add("created", "Banner")

    # --- English -----------------------------------------------------------------------------

    def english(self, home):
        """English copies of the pages foreign readers need: home, about, organisation, phones."""
        self.translate(home, self._english_home)
        self.translate(self.intro, self._english_intro)
        self.translate(self.organisation_page, self._english_organisation)
        self.translate(self.contacts_page, self._english_contacts)

    def translate(self, page, fill):
        existing = page.get_translation_or_none(self.en)
        if existing is not None:
            self.tally.add("found", f"English {type(page).__name__}")
            return existing
        translated = page.copy_for_translation(self.en, copy_parents=True)
        fill(translated)
        translated.save_revision().publish()
        self.tally.add("created", f"English {type(page).__name__}")
        return translated

    def _english_home(self, page):
        for field, value in c.HOME_EN.items():
            setattr(page, field, value)

    def _english_intro(self, page):
        page.title = c.INTRO_EN["title"]
        page.lead = c.INTRO_EN["lead"]
        page.body = self.intro_body(c.INTRO_EN)

    def _english_organisation(self, page):
        page.title = "Organisation"
        page.intro = c.ORGANISATION_INTRO_EN
        page.departments = [
            DepartmentFunction(unit=self.unit[code], functions=c.FUNCTIONS_EN[code])
            for code in c.DEPARTMENTS
        ]
        page.members = [
            OrganisationMember(body=body, name=name, position=position, unit=where, term=term)
            for body, name, position, where, term in self.members("en")
        ]

    def _english_contacts(self, page):
        page.title = "Phone directory"
        page.intro = c.CONTACTS_INTRO_EN
        page.contacts = self.contact_list("en")

    # --- accounts ----------------------------------------------------------------------------

    def accounts(self):
        for account in DEMO_ACCOUNTS:
            user = User.objects.filter(username=account.username).first()
            if user is None:
                make = User.objects.create_user if account.role else User.objects.create_superuser
                user = make(
                    account.username,
                    f"{account.username}@example.vn",
                    PASSWORD,
                    first_name=account.first_name,
                    last_name=account.last_name,
                )
                self.tally.add("created", "User")
            else:
                self.tally.add("found", "User")
            if account.role:
                group = PortalRole.objects.select_related("group").get(code=account.role).group
                user.groups.add(group)
            profile = UserProfile.get_for_user(user)
            if (profile.preferred_language, profile.current_time_zone) != (
                "vi",
                "Asia/Ho_Chi_Minh",
            ):
                profile.preferred_language = "vi"
                profile.current_time_zone = "Asia/Ho_Chi_Minh"
                profile.save(update_fields=["preferred_language", "current_time_zone"])

    def royalty_amounts(self):
        """The profile leaves the amounts to be entered from the decision; the demo enters
        illustrative ones (not any federation's real rates) where none is entered yet."""
        for kind, amount in DEMO_RATES.items():
            changed = RoyaltyRate.objects.filter(kind=kind, amount__isnull=True).update(
                amount=amount
            )
            self.tally.add("updated" if changed else "found", "RoyaltyRate")
        changed = RoyaltyFee.objects.filter(amount__isnull=True).update(amount=DEMO_FEE)
        self.tally.add("updated" if changed else "found", "RoyaltyFee")


# Illustrative amounts in đồng for the demo's royalties.
DEMO_RATES = {
    "tin": 150_000,
    "bai": 300_000,
    "anh": 50_000,
    "anh-noi-bat": 80_000,
    "video": 500_000,
}
DEMO_FEE = 1_000_000


def load_demo() -> Tally:
    return Loader().run()
