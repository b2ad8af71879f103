"""How the forms say things in Vietnamese: times as "… giờ … phút, ngày … tháng … năm …", money in đồng,
processing times, channels, honorifics. Pure functions of domain values."""

from __future__ import annotations

from datetime import date, datetime

from records.calendar import ProcessingTime
from records.clock import local
from records.files import Channel

BLANK = "……"


def long_moment(moment: datetime | None) -> str:
    """``09 giờ 15 phút, ngày 25 tháng 11 năm 2026`` (Vietnam time); dotted blanks for ``None``."""
    if moment is None:
        return "…… giờ …… phút, ngày …… tháng …… năm ……"
    at = local(moment)
    return f"{at.hour:02d} giờ {at.minute:02d} phút, ngày {at.day:02d} tháng {at.month:02d} năm {at.year}"


def date_words(day: date | datetime | None) -> str:
    """``25 tháng 11 năm 2026`` (what follows "ngày")."""
    if day is None:
        return "…… tháng …… năm ……"
    if isinstance(day, datetime):
        day = local(day).date()
    return f"{day.day:02d} tháng {day.month:02d} năm {day.year}"


def long_date(day: date | datetime | None) -> str:
    """``ngày 25 tháng 11 năm 2026``."""
    return f"ngày {date_words(day)}"


def place_and_date(place: str | None, day: date | datetime | None) -> str:
    """The date line under the motto: ``Bình Minh, ngày 25 tháng 11 năm 2026``."""
    return f"{place or BLANK}, {long_date(day)}"


def short_date(moment: datetime | date | None) -> str:
    """``25/11/2026``; empty for ``None``."""
    if moment is None:
        return ""
    day = local(moment).date() if isinstance(moment, datetime) else moment
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def short_moment(moment: datetime | None) -> str:
    """``09:15 25/11/2026``; empty for ``None``."""
    if moment is None:
        return ""
    at = local(moment)
    return f"{at.hour:02d}:{at.minute:02d} {short_date(at)}"


def money(amount: int) -> str:
    """``8.000 đồng`` (dots group the thousands, as Vietnamese writes them)."""
    return f"{amount:,}".replace(",", ".") + " đồng"


def two_digits(count: int) -> str:
    """``01``: forms write small counts with two digits."""
    return f"{count:02d}"


def processing_time(value: ProcessingTime) -> str:
    """The statutory time as the receipt states it."""
    if value.kind == "same_day":
        return f"trong ngày làm việc (tiếp nhận trước {value.cutoff.hour:02d} giờ {value.cutoff.minute:02d})"
    amount = value.amount
    number = f"{int(amount):02d}" if float(amount).is_integer() else f"{amount:g}".replace(".", ",")
    unit = "ngày làm việc" if value.kind == "working_days" else "giờ làm việc"
    return f"{number} {unit}"


CHANNELS = {
    Channel.IN_PERSON: "Trực tiếp",
    Channel.ONLINE: "Trực tuyến",
    Channel.POST: "Qua dịch vụ bưu chính công ích",
}

RETURN_METHODS = {
    "counter": "Tại Bộ phận tiếp nhận và trả kết quả",
    "post": "Qua dịch vụ bưu chính công ích",
}


def honorific(sex: str | None) -> str:
    """``Ông`` or ``Bà`` from the card's sex; ``Ông/Bà`` when unknown or for an organisation."""
    return {"male": "Ông", "female": "Bà"}.get(sex or "", "Ông/Bà")
