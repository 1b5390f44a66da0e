"""Every app of the workbook in one tabbed page: the dashboard that ``make dashboard`` serves
with Voilà (``notebooks/dashboard.ipynb``).

:func:`dashboard` builds the seven apps as they are, one tab each, in this order:

========================  ============================================================
tab                       app
========================  ============================================================
Compare the terms         :class:`~cgvlib.apps.compare.CompareApp`
Late payment              :class:`~cgvlib.apps.late_payment.LatePaymentApp`
Service credits (SLA)     :class:`~cgvlib.apps.sla.SlaApp`
Notice and exit           :class:`~cgvlib.apps.notice.NoticeApp`
Price revision            :class:`~cgvlib.apps.prices.PriceApp`
Compliance findings       :class:`~cgvlib.apps.findings.FindingsApp`
Your ledger               :class:`~cgvlib.apps.ledger.LedgerApp`
========================  ============================================================

The ledger tab starts on the example ledger (``notebooks/examples/ledger_exemple.csv``,
:data:`~cgvlib.apps.ledger.EXAMPLE`), computed on the last day the reference data covers
(:func:`~cgvlib.apps.ledger.reference_day`), and says so above its chart; the analyst uploads
their own ledger or gives its path.

The result is a :class:`Dashboard`: ``board.widget`` is the ``Tab``, ``board.apps`` the apps
by tab (its English title above: ``board.apps["Late payment"].controls["amount"].value =
"5000"`` drives a tab exactly as the control on the page does). Displaying the dashboard
displays the tab.

``lang`` (``"fr"`` by default, or ``"en"``) is the language of the whole page: the tab titles
(``Retard de paiement``...) and every app (each built with that ``lang``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from cgvlib.apps.base import App
from cgvlib.apps.choosers import chosen_ids
from cgvlib.apps.compare import CompareApp
from cgvlib.apps.findings import FindingsApp
from cgvlib.apps.late_payment import LatePaymentApp
from cgvlib.apps.ledger import EXAMPLE, LedgerApp, reference_day
from cgvlib.apps.notice import NoticeApp
from cgvlib.apps.prices import PriceApp
from cgvlib.apps.sla import SlaApp
from cgvlib.arithmetic.common import STATUTORY_ID
from cgvlib.errors import InputError
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendor as vendor_by_id

# Tab title -> (app class, whether it takes the dashboard's ``vendors``).
TABS: dict[str, tuple[type[App], bool]] = {
    "Compare the terms": (CompareApp, True),
    "Late payment": (LatePaymentApp, True),
    "Service credits (SLA)": (SlaApp, False),
    "Notice and exit": (NoticeApp, False),
    "Price revision": (PriceApp, True),
    "Compliance findings": (FindingsApp, True),
    "Your ledger": (LedgerApp, False),
}


def _ledger_example() -> dict[str, Any]:
    """The ledger tab's first values: the example ledger, on the reference data's last day."""
    return {"path": str(EXAMPLE), "as_of": reference_day()}


@dataclass(frozen=True)
class Dashboard:
    """The tab (``widget``) and the app in each tab (``apps``, by tab title)."""

    widget: widgets.Tab
    apps: Mapping[str, App]  # by the tab's English title (a key of TABS)

    def _ipython_display_(self) -> None:
        display(self.widget)


def _vendor_argument(app_class: type[App], vendors: Sequence[str]) -> list[str]:
    """``vendors`` (ids) as the app takes them: the price app knows only vendors' clauses, not
    the law's default terms, and only the vendors whose terms have a price revision clause
    (an analyst's own vendor may have none)."""
    if app_class is PriceApp:
        return [v for v in vendors if v != STATUTORY_ID and vendor_by_id(v).price_revision]
    return list(vendors)


def tab_title(tab: str, lang: str) -> str:
    """The title of ``tab`` (a key of :data:`TABS`) as the page shows it, in ``lang``."""
    return translate(tab, lang)


def dashboard(vendors: Sequence[str] | None = None,
              settings: Mapping[str, Mapping[str, Any]] | None = None,
              lang: str = "fr") -> Dashboard:
    """Build every app, one tab each, and return them as a :class:`Dashboard`.

    ``vendors``: the vendor ids (or an own vendor file's path, or a Vendor) the comparison,
    late-payment, price and findings tabs start with (``"statutory"``, the law's default
    terms, is kept where the app offers it); None:
    each app's own default. ``settings``: keyword arguments of each tab's app, by tab title,
    passed to it as they are, e.g. ``{"Late payment": {"amount": 2500, "paid": "2024-05-15"},
    "Service credits (SLA)": {"vendor": "teogest", "month": "2024-03"}}``; a ``vendors`` given
    there wins over the first argument. A tab may be named by its English title or by its
    title in ``lang``. ``lang``: the page's language (``"fr"`` or ``"en"``).
    """
    lang = check_lang(lang)
    by_title = {**{tab_title(tab, lang): tab for tab in TABS}, **{tab: tab for tab in TABS}}
    given = dict(settings or {})
    unknown = sorted(set(given) - set(by_title))
    if unknown:
        raise InputError(translate("settings: unknown tabs {unknown}; tabs: {tabs}", lang)
                         .format(unknown=unknown, tabs=", ".join(
                             tab_title(tab, lang) for tab in TABS)))
    settings = {by_title[title]: values for title, values in given.items()}
    apps: dict[str, App] = {}
    vendors = chosen_ids(vendors)  # an own vendor (a path, a Vendor) is added, named by its id
    for title, (app_class, takes_vendors) in TABS.items():
        arguments = dict(settings.get(title, {}))
        if takes_vendors and vendors is not None:
            arguments.setdefault("vendors", _vendor_argument(app_class, vendors))
        arguments.setdefault("lang", lang)
        if app_class is LedgerApp:
            arguments = {**_ledger_example(), **arguments}
        apps[title] = app_class(**arguments)
    tab = widgets.Tab(children=[app.widget for app in apps.values()],
                      titles=[tab_title(title, lang) for title in apps])
    return Dashboard(tab, apps)


__all__ = ["TABS", "Dashboard", "dashboard", "tab_title"]
