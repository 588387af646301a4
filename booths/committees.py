"""Which part of a fair's committee an officer runs: a provincial fair's one committee is its
officers'; at a national fair each province's committee is its own province's (the head office
runs every one). Pages and services ask here, so the page offers what the rules allow."""

from otop_fair.areas import provinces_kept_by


def committee_provinces(fair, user):
    """The provinces whose committees `user` runs at a national fair (None: a provincial fair
    has one committee, without provinces)."""
    if not fair.is_national:
        return None
    return provinces_kept_by(user).order_by("sort_name")


def seats_run_by(fair, user):
    """The fair's committee seats `user` runs: at a national fair, their provinces' seats."""
    provinces = committee_provinces(fair, user)
    if provinces is None:
        return fair.committee.all()
    return fair.committee.filter(province__in=provinces.values("pk"))
