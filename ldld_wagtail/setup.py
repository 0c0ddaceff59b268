"""Apply a checked profile to the database, idempotently, in one transaction.

Creates or updates: the federation and its calendar, units, groups and roles, fields, the page
tree skeleton (the site's home and every section, published), page permissions, collection
permissions, workflows with their steps and their assignment to sections, quotas and rates.
Never deletes content: pages, units, groups and workflows the profile no longer mentions are
reported. Page permissions of the profile's own groups are made to match the profile exactly
(a permission left behind would be a hole). `dry_run` rolls everything back and reports.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from . import models as m
from .backup import ensure_schedule as ensure_backup_schedule
from .delegation import ensure_schedule as ensure_delegation_schedule
from .locks import ensure_schedule as ensure_lock_schedule
from .notify import ensure_owed_schedule, ensure_reminder_schedule
from .profile import Profile, ProfileError
from .reports.jobs import ensure_schedule as ensure_report_schedule
from .reports.jobs import ensure_stalled_schedule
from .site_url import site_host_values
from .workflows import ApprovalTask, PublishTask, RouteTask

PAGE_PERMISSIONS = {
    "editors": ("add_page", "change_page"),
    "writers": ("add_page",),  # Wagtail: add pages, and edit the pages one owns
    "publishers": ("add_page", "change_page", "publish_page"),
}
MEDIA_PERMISSIONS = {
    "add": ("add", "choose"),
    "change": ("add", "choose", "change", "delete"),
}
USER_PERMISSIONS = ("add_user", "change_user", "delete_user", "view_user")
REPORT_PERMISSIONS = (
    "add_quotaremark",
    "change_quotaremark",
    "delete_quotaremark",
    "view_quotaremark",
)
# Monthly royalties (Quy chế 7.5): the board reads them, the secretary who follows the items
# adjusts and closes the month, and the rates and fees are entered from the decisions by the
# secretary and those who manage accounts (the web admin).
ROYALTY_READ = ("view_royaltymonth",)
ROYALTY_MANAGE = ("change_royaltymonth",)
ROYALTY_RATES = (
    "add_royaltyrate",
    "change_royaltyrate",
    "view_royaltyrate",
    "add_royaltyfee",
    "change_royaltyfee",
    "view_royaltyfee",
)
STEP_CLASSES = {"route": RouteTask, "approve": ApprovalTask, "publish": PublishTask}


@dataclass
class Report:
    changes: list = field(default_factory=list)
    unmentioned: list = field(default_factory=list)

    def change(self, text):
        self.changes.append(text)

    def __str__(self):
        lines = list(self.changes) or [
            _("Nothing to change: the portal already matches the profile.")
        ]
        if self.unmentioned:
            lines.append(_("Kept, but no longer in the profile:"))
            lines += [f"  - {text}" for text in self.unmentioned]
        return "\n".join(lines)


def _same(a, b) -> bool:
    """Equal values; model instances by primary key (a Page and its specific page are one)."""
    if hasattr(a, "_meta") and hasattr(b, "_meta"):
        return a.pk == b.pk
    return a == b


class _Rollback(Exception):
    pass


def apply_profile(profile: Profile, dry_run: bool = False) -> Report:
    report = Report()
    try:
        with transaction.atomic():
            _Applier(profile, report).run()
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    return report


class _Applier:
    def __init__(self, profile: Profile, report: Report):
        self.p = profile
        self.r = report

    def run(self):
        self.federation()
        self.units()
        self.roles()
        self.fields()
        self.pages()
        self.workflows()
        self.permissions()
        self.quotas_and_rates()
        self.outlets()
        if ensure_reminder_schedule():
            self.r.change(_("scheduled the publishing deadline reminders (every 5 minutes)"))
        if ensure_delegation_schedule():
            self.r.change(_("scheduled the start and end of delegations (every 5 minutes)"))
        if ensure_report_schedule():
            self.r.change(_("scheduled the preparation of each period's reports (daily)"))
        if ensure_lock_schedule():
            self.r.change(_("scheduled the release of lapsed page locks (every 5 minutes)"))
        if ensure_owed_schedule():
            self.r.change(_("scheduled the sending of notifications still owed (every 5 minutes)"))
        if ensure_stalled_schedule():
            self.r.change(_("scheduled the resumption of report builds whose job was lost"))
        if ensure_backup_schedule():
            self.r.change(_("scheduled the nightly backup (daily at 02:00)"))

    def save_changed(self, obj, values: dict, label: str):
        """Set `values` on `obj`; save and report when anything differs."""
        changed = [k for k, v in values.items() if not _same(getattr(obj, k), v)]
        for k in changed:
            setattr(obj, k, values[k])
        if changed:
            obj.save()
            self.r.change(
                _("updated %(what)s: %(fields)s") % {"what": label, "fields": ", ".join(changed)}
            )
        return obj

    # --- federation and calendar --------------------------------------------------------------

    def federation(self):
        cal = self.p.calendar
        values = {
            "name": self.p.name,
            "office_hours": [list(p) for p in cal.office_hours],
            "workdays": cal.workdays,
            "timezone": cal.timezone,
            "publish_within": cal.publish_within,
            "reminder_before": cal.remind_before,
        }
        desk = self.p.questions
        if desk is not None:
            values.update(
                question_topics=list(desk.topics),
                asker_name=desk.asker_name,
                asker_unit_shown=desk.asker_unit,
            )
        royalties = self.p.royalties
        if royalties is not None:
            values.update(royalty_split=royalties.split, royalty_item_photos=royalties.item_photos)
        fed = m.Federation.objects.filter(code=self.p.code).first()
        if fed is None:
            fed = m.Federation.objects.create(code=self.p.code, **values)
            self.r.change(_("created federation %s") % self.p.name)
        else:
            self.save_changed(fed, values, _("federation %s") % self.p.code)
        self.fed = fed
        have = set(fed.holidays.values_list("date", flat=True))
        new = [d for d in cal.holidays if d not in have]
        m.Holiday.objects.bulk_create([m.Holiday(federation=fed, date=d) for d in new])
        if new:
            self.r.change(_("added %d public holidays") % len(new))
        for day in sorted(have - set(cal.holidays)):
            self.r.unmentioned.append(_("public holiday %s") % day)
        others = m.Federation.objects.exclude(pk=fed.pk)
        for other in others:
            self.r.unmentioned.append(_("federation %s") % other.code)

    # --- units ----------------------------------------------------------------------------------

    def units(self):
        self.unit = {}
        for order, u in enumerate(self.p.units):
            values = {
                "name": u.name,
                "short_name": u.short_name,
                "kind": u.kind,
                "valid_from": u.valid_from,
                "valid_until": u.valid_until,
                "sort_order": order * 10,
            }
            unit = m.Unit.objects.filter(code=u.code).first()
            if unit is None:
                unit = m.Unit.objects.create(code=u.code, **values)
                self.r.change(_("created unit %s") % u.name)
            else:
                self.save_changed(unit, values, _("unit %s") % u.code)
            self.unit[u.code] = unit
        for u in self.p.units:
            unit = self.unit[u.code]
            successor = self.unit.get(u.successor) if u.successor else None
            if unit.successor_id != (successor.pk if successor else None):
                unit.successor = successor
                unit.save(update_fields=["successor"])
                self.r.change(
                    _("unit %(unit)s merged into %(successor)s")
                    % {"unit": u.code, "successor": u.successor}
                )
            have = set(unit.former_names.values_list("name", "used_until"))
            for name, until in u.former_names:
                if (name, until) not in have:
                    m.UnitFormerName.objects.create(unit=unit, name=name, used_until=until)
                    self.r.change(
                        _("unit %(unit)s: former name %(name)s") % {"unit": u.code, "name": name}
                    )
        for unit in m.Unit.objects.exclude(code__in=self.unit):
            self.r.unmentioned.append(
                _("unit %(code)s (%(name)s)") % {"code": unit.code, "name": unit.name}
            )

    # --- roles, groups, fields ------------------------------------------------------------------

    def roles(self):
        self.group = {}
        access = Permission.objects.get(
            codename="access_admin", content_type__app_label="wagtailadmin"
        )
        user_perms = list(
            Permission.objects.filter(content_type__app_label="auth", codename__in=USER_PERMISSIONS)
        )
        report_perms = list(
            Permission.objects.filter(
                content_type__app_label="ldld", codename__in=REPORT_PERMISSIONS
            )
        )
        royalty = {
            name: list(
                Permission.objects.filter(content_type__app_label="ldld", codename__in=codenames)
            )
            for name, codenames in (
                ("read", ROYALTY_READ),
                ("manage", ROYALTY_MANAGE),
                ("rates", ROYALTY_RATES),
            )
        }
        # The quota report (Quy chế 7.5, 7.6): the secretary who follows the items, and the
        # board (who may take items down: head, deputy heads, web admin) read it and remark on it.
        routers = {
            code for w in self.p.workflows for step in w.steps if step.kind == "route"
            for code in step.roles
        }  # fmt: skip
        field_owners = {f.owner for f in self.p.fields}
        for role in self.p.roles:
            existing = m.PortalRole.objects.filter(code=role.code).select_related("group").first()
            if existing is not None:
                group = existing.group
                if group.name != role.group:
                    self.r.change(
                        _("renamed group %(old)s to %(new)s")
                        % {"old": group.name, "new": role.group}
                    )
                    group.name = role.group
                    group.save()
            else:
                group, made = Group.objects.get_or_create(name=role.group)
                if made:
                    self.r.change(_("created group %s") % role.group)
            self.group[role.code] = group
            values = {
                "group": group,
                "unit": self.unit.get(role.unit),
                "can_take_down": role.take_down,
                "manages_accounts": role.accounts,
                "approves_accounts": role.approves_accounts,
                "urges_publication": role.urges_publication,
                "leads": self.unit.get(role.leads),
            }
            if existing is None:
                m.PortalRole.objects.create(code=role.code, **values)
                self.r.change(_("created role %s") % role.code)
            else:
                self.save_changed(existing, values, _("role %s") % role.code)
            self.ensure_permissions(group, [access], _("admin access"))
            wanted_models = [p for label in role.snippets for p in self.model_permissions(label)]
            self.sync_permissions(
                group, self.snippet_permissions(), wanted_models, _("managed content")
            )
            wanted_users = user_perms if role.accounts else []
            self.sync_permissions(group, user_perms, wanted_users, _("account management"))
            reports = role.take_down or role.code in routers
            self.sync_permissions(
                group, report_perms, report_perms if reports else [], _("quota reports")
            )
            router = role.code in routers
            # Deputy heads read the royalties of their own fields only (the view cuts them to
            # the units owning those fields' sections); the head, the web admin and the
            # secretary read every line.
            owns_fields = role.code in field_owners
            for name, wanted in (
                ("read", router or role.accounts or (role.take_down and not owns_fields)),
                ("manage", router),
                ("rates", router or role.accounts),
            ):
                perms = royalty[name]
                self.sync_permissions(group, perms, perms if wanted else [], _("royalties"))
        for role in self.p.roles:  # once every role exists
            target = m.PortalRole.objects.filter(code=role.stands_in_for).first()
            obj = m.PortalRole.objects.get(code=role.code)
            self.save_changed(
                obj,
                {"stands_in_for": target if role.stands_in_for else None},
                _("role %s") % role.code,
            )
        for role in m.PortalRole.objects.exclude(code__in=self.group).select_related("group"):
            self.r.unmentioned.append(
                _("role %(code)s (group %(group)s)") % {"code": role.code, "group": role.group.name}
            )

    def model_permissions(self, label: str) -> list:
        from django.apps import apps

        model = apps.get_model(label)
        ct = ContentType.objects.get_for_model(model)
        codenames = [f"{a}_{model._meta.model_name}" for a in ("add", "change", "delete", "view")]
        return list(Permission.objects.filter(content_type=ct, codename__in=codenames))

    def snippet_permissions(self) -> list:
        """The permissions `snippets` may grant: those of every model some role names."""
        labels = {label for role in self.p.roles for label in role.snippets}
        return [p for label in sorted(labels) for p in self.model_permissions(label)]

    def ensure_permissions(self, group, perms, label):
        missing = [p for p in perms if not group.permissions.filter(pk=p.pk).exists()]
        if missing:
            group.permissions.add(*missing)
            self.r.change(_("%(group)s: granted %(what)s") % {"group": group.name, "what": label})

    def sync_permissions(self, group, managed, wanted, label):
        have = set(
            group.permissions.filter(pk__in=[p.pk for p in managed]).values_list("pk", flat=True)
        )
        want = {p.pk for p in wanted}
        if have != want:
            group.permissions.remove(*(have - want))
            group.permissions.add(*(want - have))
            what = _("granted %s") if want else _("withdrew %s")
            self.r.change(f"{group.name}: " + what % label)

    def fields(self):
        self.field = {}
        for order, f in enumerate(self.p.fields):
            values = {"name": f.name, "owner": self.group[f.owner], "sort_order": order * 10}
            obj = m.EditorialField.objects.filter(code=f.code).first()
            if obj is None:
                obj = m.EditorialField.objects.create(code=f.code, **values)
                self.r.change(_("created field %s") % f.name)
            else:
                self.save_changed(obj, values, _("field %s") % f.code)
            self.field[f.code] = obj
        for obj in m.EditorialField.objects.exclude(code__in=self.field):
            self.r.unmentioned.append(_("field %s") % obj.code)

    # --- the page tree --------------------------------------------------------------------------

    def pages(self):
        self.page = {}
        self.locale = Locale.objects.get_or_create(language_code="vi")[0]
        known = {s.code: s for s in m.Section.objects.select_related("page")}
        for s in self.p.sections:
            model = s.model
            record = known.get(s.code)
            page = record.page.specific if record else None
            if page is None:
                parent = self.page[s.parent] if s.parent else Page.get_first_root_node()
                page = parent.get_children().filter(slug=s.slug).first()
                page = page.specific if page is not None else None
            if page is not None and not isinstance(page, model):
                raise ProfileError(
                    self.p.path,
                    [
                        (
                            f"sections ({s.code}).type",
                            _(
                                "section %(code)s: the page at %(url)s is a %(found)s, "
                                "the profile says %(type)s"
                            )
                            % {
                                "code": s.code,
                                "url": page.url_path,
                                "found": type(page).__name__,
                                "type": s.type,
                            },
                        )
                    ],
                )
            if page is None:
                page = self.create_page(s, model)
            self.page[s.code] = page
            values = {
                "page": page,
                "unit": self.unit.get(s.unit),
                "field": self.field.get(s.field),
            }
            if record is None:
                record = m.Section.objects.create(code=s.code, **values)
            else:
                self.save_changed(record, values, _("section %s") % s.code)
            takedown = {self.group[c].pk for c in [*s.publishers, *s.take_down]}
            have = set(record.takedown_groups.values_list("pk", flat=True))
            if have != takedown:
                record.takedown_groups.set(takedown)
                self.r.change(_("section %s: who may take items down") % s.code)
        for record in m.Section.objects.exclude(code__in=self.page):
            self.r.unmentioned.append(
                _("section %(code)s (%(url)s)") % {"code": record.code, "url": record.page.url_path}
            )
        self.site(self.page[next(s.code for s in self.p.sections if not s.parent)])

    def create_page(self, s, model):
        parent = self.page[s.parent] if s.parent else Page.get_first_root_node()
        page = model(title=s.title, slug=s.slug, locale=self.locale)
        if s.unit and hasattr(model, "unit"):
            page.unit = self.unit[s.unit]
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.r.change(
            _("created page %(title)s (%(url)s)") % {"title": s.title, "url": page.url_path}
        )
        return page

    def site(self, home):
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        values = {"root_page": home, "site_name": self.p.site_name, "is_default_site": True}
        values.update(site_host_values(site))
        if site is None:
            Site.objects.create(**values)
            self.r.change(_("created the site"))
        else:
            changed = [k for k, v in values.items() if not _same(getattr(site, k), v)]
            if changed:
                for k, v in values.items():
                    setattr(site, k, v)
                site.save()
                self.r.change(_("updated the site: %s") % ", ".join(changed))

    # --- workflows --------------------------------------------------------------------------------

    def workflows(self):
        self.workflow = {}
        for w in self.p.workflows:
            wf = Workflow.objects.filter(name=w.name).first()
            if wf is None:
                wf = Workflow.objects.create(name=w.name, active=True)
                self.r.change(_("created workflow %s") % w.name)
            elif not wf.active:
                wf.active = True
                wf.save(update_fields=["active"])
                self.r.change(_("re-activated workflow %s") % w.name)
            self.workflow[w.code] = wf
            links = list(
                WorkflowTask.objects.filter(workflow=wf)
                .select_related("task")
                .order_by("sort_order")
            )
            for order, step in enumerate(w.steps):
                task = self.step_task(
                    w, step, links[order].task.specific if order < len(links) else None
                )
                if order < len(links):
                    if links[order].task_id != task.pk:
                        links[order].task = task
                        links[order].save(update_fields=["task"])
                else:
                    WorkflowTask.objects.create(workflow=wf, task=task, sort_order=order)
            for extra in links[len(w.steps) :]:
                extra.delete()
                self.r.change(
                    _("workflow %(wf)s: removed step %(task)s")
                    % {"wf": w.name, "task": extra.task.name}
                )
        profile_names = {w.name for w in self.p.workflows}
        for wf in Workflow.objects.filter(active=True).exclude(name__in=profile_names):
            self.r.unmentioned.append(_("workflow %s") % wf.name)
        # Where sections are, workflows are assigned section by section. Wagtail's own default
        # ("Moderators approval" on the root) would otherwise cover every section without one.
        root = Page.get_first_root_node()
        for wp in WorkflowPage.objects.filter(page=root).exclude(
            workflow__in=self.workflow.values()
        ):
            wp.delete()
            self.r.change(_("unassigned workflow %s from the root page") % wp.workflow.name)
        for s in self.p.sections:
            page = self.page[s.code]
            current = WorkflowPage.objects.filter(page=page).first()
            wanted = self.workflow.get(s.workflow)
            if wanted is None:
                if current is not None:
                    current.delete()
                    self.r.change(_("section %s: workflow unassigned") % s.code)
            elif current is None:
                WorkflowPage.objects.create(page=page, workflow=wanted)
                self.r.change(
                    _("section %(code)s: workflow %(wf)s") % {"code": s.code, "wf": wanted.name}
                )
            elif current.workflow_id != wanted.pk:
                current.workflow = wanted
                current.save()
                self.r.change(
                    _("section %(code)s: workflow %(wf)s") % {"code": s.code, "wf": wanted.name}
                )

    def step_task(self, w, step, current):
        cls = STEP_CLASSES[step.kind]
        # The step's own name: editors read it in the admin and in emails. A step is found by
        # its place in the workflow, never by name (two workflows may share step names).
        name = step.name[:255]
        values = {"name": name, "active": True, "four_eyes": step.four_eyes}
        if cls is ApprovalTask:
            values["field"] = self.field.get(step.field)
            values["routed_field"] = step.routed_field
            values["authors_unit_leader"] = step.authors_unit_leader
        if current is None or type(current) is not cls:
            current = cls.objects.create(**values)
            self.r.change(_("workflow %(wf)s: step %(step)s") % {"wf": w.name, "step": step.name})
        self.save_changed(current, values, _("step %s") % name)
        groups = {self.group[r].pk for r in step.roles}
        if set(current.groups.values_list("pk", flat=True)) != groups:
            current.groups.set(groups)
            self.r.change(_("step %s: who acts") % name)
        return current

    # --- permissions ----------------------------------------------------------------------------

    def permissions(self):
        perms = {
            p.codename: p
            for p in Permission.objects.filter(
                content_type__app_label="wagtailcore",
                codename__in=["add_page", "change_page", "publish_page", "lock_page"],
            )
        }
        wanted = set()
        # The board (who may take items down anywhere) and the routing secretary browse the
        # whole tree in the admin: "lock" is the least of Wagtail's page permissions that opens
        # the explorer; it grants no editing or publishing.
        home = next(s for s in self.p.sections if not s.parent)
        routers = {
            role for w in self.p.workflows for step in w.steps if step.kind == "route"
            for role in step.roles
        }  # fmt: skip
        browsers = set()
        for role in self.p.roles:
            if role.take_down or role.code in routers:
                browsers.add(role.code)
                wanted.add(
                    (self.group[role.code].pk, self.page[home.code].pk, perms["lock_page"].pk)
                )
        # Whoever acts at a workflow step browses the sections of that workflow (the office
        # leader, who approves documents and schedules and urges their publication, Quy chế 7.1).
        steps = {w.code: w.steps for w in self.p.workflows}
        for s in self.p.sections:
            writing = {*s.editors, *s.writers, *s.publishers}
            for step in steps.get(s.workflow, []):
                for code in step.roles:
                    if code not in browsers and code not in writing:
                        wanted.add(
                            (self.group[code].pk, self.page[s.code].pk, perms["lock_page"].pk)
                        )
        for s in self.p.sections:
            page = self.page[s.code]
            for key, codenames in PAGE_PERMISSIONS.items():
                for role in getattr(s, key):
                    for codename in codenames:
                        wanted.add((self.group[role].pk, page.pk, perms[codename].pk))
        managed = [g.pk for g in self.group.values()]
        have = set(
            GroupPagePermission.objects.filter(group__in=managed).values_list(
                "group_id", "page_id", "permission_id"
            )
        )
        for group_id, page_id, perm_id in sorted(wanted - have):
            GroupPagePermission.objects.create(
                group_id=group_id, page_id=page_id, permission_id=perm_id
            )
        for group_id, page_id, perm_id in sorted(have - wanted):
            GroupPagePermission.objects.filter(
                group_id=group_id, page_id=page_id, permission_id=perm_id
            ).delete()
        if wanted - have:
            self.r.change(_("granted %d page permissions") % len(wanted - have))
        if have - wanted:
            self.r.change(_("withdrew %d page permissions not in the profile") % len(have - wanted))
        self.media_permissions()

    def media_permissions(self):
        root = Collection.get_first_root_node()
        perms = {}
        for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            ct = ContentType.objects.get(app_label=app, model=model)
            for action in ("add", "choose", "change", "delete"):
                perms[(model, action)] = Permission.objects.get(
                    content_type=ct, codename=f"{action}_{model}"
                )
        wanted = set()
        for role in self.p.roles:
            for action in MEDIA_PERMISSIONS.get(role.media, ()):
                for model in ("image", "document"):
                    wanted.add((self.group[role.code].pk, perms[(model, action)].pk))
        managed = [g.pk for g in self.group.values()]
        have = set(
            GroupCollectionPermission.objects.filter(
                group__in=managed, collection=root
            ).values_list("group_id", "permission_id")
        )
        for group_id, perm_id in wanted - have:
            GroupCollectionPermission.objects.create(
                group_id=group_id, collection=root, permission_id=perm_id
            )
        for group_id, perm_id in have - wanted:
            GroupCollectionPermission.objects.filter(
                group_id=group_id, collection=root, permission_id=perm_id
            ).delete()
        if wanted != have:
            self.r.change(_("image and document permissions updated"))

    # --- quotas and rates -----------------------------------------------------------------------

    def outlets(self):
        """The outside outlets and who chooses items for each. Changes logged before outlets
        were told apart belong to the national union portal's feed (``outlet`` left empty)."""
        roles = {r.code: r for r in m.PortalRole.objects.all()}
        for order, o in enumerate(self.p.outlets):
            values = {"name": o.name, "national": o.national, "order": order}
            obj = m.Outlet.objects.filter(code=o.code).first()
            if obj is None:
                obj = m.Outlet.objects.create(code=o.code, **values)
                self.r.change(_("outlet %s") % o.name)
            else:
                self.save_changed(obj, values, _("outlet %s") % o.name)
            wanted = {roles[c].pk for c in o.markers if c in roles}
            if set(obj.markers.values_list("pk", flat=True)) != wanted:
                obj.markers.set(wanted)
                self.r.change(_("who chooses items for %s") % o.name)

    def quotas_and_rates(self):
        for q in self.p.quotas:
            for kind in q.unit_kinds:
                values = {
                    "period": q.period,
                    "news": q.news,
                    "articles": q.articles,
                    "valid_until": q.valid_until,
                }
                obj = m.Quota.objects.filter(unit_kind=kind, valid_from=q.valid_from).first()
                if obj is None:
                    m.Quota.objects.create(unit_kind=kind, valid_from=q.valid_from, **values)
                    self.r.change(
                        _("quota for %(kind)s from %(day)s") % {"kind": kind, "day": q.valid_from}
                    )
                else:
                    self.save_changed(obj, values, _("quota for %s") % kind)
        for rate in self.p.rates:
            values = {"decision": rate.decision, "valid_until": rate.valid_until}
            if rate.amount is not None:
                values["amount"] = rate.amount
            obj = m.RoyaltyRate.objects.filter(kind=rate.kind, valid_from=rate.valid_from).first()
            if obj is None:
                m.RoyaltyRate.objects.create(kind=rate.kind, valid_from=rate.valid_from, **values)
                self.r.change(
                    _("royalty rate for %(kind)s from %(day)s")
                    % {"kind": rate.kind, "day": rate.valid_from}
                )
            else:
                self.save_changed(obj, values, _("royalty rate for %s") % rate.kind)
        for fee in self.p.royalties.fees if self.p.royalties else []:
            values = {"decision": fee.decision, "valid_until": fee.valid_until}
            if fee.amount is not None:
                values["amount"] = fee.amount
            key = {"title": fee.title, "person": fee.person, "valid_from": fee.valid_from}
            obj = m.RoyaltyFee.objects.filter(**key).first()
            if obj is None:
                m.RoyaltyFee.objects.create(**key, **values)
                self.r.change(_("monthly fee %s") % fee.title)
            else:
                self.save_changed(obj, values, _("monthly fee %s") % fee.title)
