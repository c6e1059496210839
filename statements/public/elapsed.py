"""The time between two statements in words ("6 months later"), never finer than their dates."""

from statements.models import DatePrecision, Statement


def plural(number: int, unit: str) -> str:
    return f"{number} {unit}{'' if number == 1 else 's'}"


def months_between(earlier: Statement, later: Statement, by_day: bool) -> int:
    months = (later.date.year - earlier.date.year) * 12 + later.date.month - earlier.date.month
    if by_day and later.date.day < earlier.date.day:
        months -= 1  # 16 September to 10 October is not yet a month
    return months


def in_years_and_months(months: int) -> str:
    years, rest = divmod(months, 12)
    if not years:
        return plural(rest, "month")
    return plural(years, "year") + (f" and {plural(rest, 'month')}" if rest else "")


def elapsed(earlier: Statement, later: Statement) -> str:
    """How long after the earlier statement the later one came, at the coarser precision."""
    precisions = {earlier.date_precision, later.date_precision}
    if DatePrecision.YEAR in precisions:
        years = later.date.year - earlier.date.year
        return f"{plural(years, 'year')} later" if years else "The same year"
    by_day = precisions == {DatePrecision.DAY}
    months = months_between(earlier, later, by_day)
    if months >= 1:
        return f"{in_years_and_months(months)} later"
    if not by_day:
        return "The same month"
    days = (later.date - earlier.date).days
    if days == 0:
        return "The same day"
    if days < 14:
        return f"{plural(days, 'day')} later"
    return f"{plural(days // 7, 'week')} later"
