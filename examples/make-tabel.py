"""Writes the табель examples from examples/roster.csv and examples/timesheet.csv (March 2024):
tabel-2024-03.xlsx (as 1C exports it: title rows, merged title cells, a row per employee, a
column per day, totals), tabel-2024-03.csv (the same saved by a Russian-locale Excel: `;`,
Windows-1251) and roster-ru.csv (the roster with Russian headers and words, UTF-8 with a BOM).

Run from the repository: python3 examples/make-tabel.py (needs openpyxl). The files are
committed; nothing runs this at build or test time."""

import csv
import datetime as dt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HOLIDAYS = {8, 21, 22, 25}  # 8 March, Nauryz 21-22 March, 25 March moved day off (2024)
NAMES = {
    "E001": "Ахметов Нурлан", "E002": "Бекова Айгерим", "E003": "Сейтқали Данияр",
    "E004": "Иванова Мария", "E005": "Жұмабаев Ерлан", "E006": "Ким Олег",
    "E007": "Омарова Салтанат", "E008": "Петров Сергей", "E009": "Нұрланова Әсел",
    "E010": "Смагулов Арман", "E011": "Тен Виктория",
}


def num(x):
    x = float(x)
    return str(int(x)) if x == int(x) else str(x).replace(".", ",")


def cells():
    days = {}
    with open("examples/timesheet.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            d = dt.date.fromisoformat(r["date"])
            if (d.year, d.month) != (2024, 3):
                continue
            w, o, n = float(r["worked_hours"]), float(r["overtime_hours"]), float(r["night_hours"])
            text = f"Я {num(w - o)}"
            if o:
                text += f" С{num(o)}"
            if n:
                text += f" Н{num(n)}"
            days[(r["employee_id"], d.day)] = text
    return days


def rows():
    days = cells()
    out = [
        ["ТОО «Пример Строй»"],
        ["Табель учета рабочего времени"],
        ["за март 2024 г."],
        [],
        ["№", "ФИО", "Таб. №", "Должность"] + [str(d) for d in range(1, 32)] + ["Итого дней", "Итого часов"],
    ]
    with open("examples/roster.csv", encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f), 1):
            e = r["employee_id"]
            line = [str(i), NAMES.get(e, e), e, "оператор"]
            worked_days, hours = 0, 0.0
            for d in range(1, 32):
                day = dt.date(2024, 3, d)
                text = days.get((e, d), "")
                if text:
                    worked_days += 1
                    hours += sum(float(p[1:].replace(",", ".") if p[0].isalpha() else p.replace(",", "."))
                                 for p in text.replace("Я ", "").split() if not p.startswith("Н"))
                elif day.weekday() >= 5 or d in HOLIDAYS:
                    text = "В"
                line.append(text)
            line += [str(worked_days), num(hours)]
            out.append(line)
    out.append(["", "Итого"])
    out.append([])
    out.append(["Ответственное лицо", "", "", "_____________ Жанова Ж."])
    return out


def xlsx(rows, path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Табель"
    for r in rows:
        sheet.append([int(c) if c.isdigit() else c for c in r])
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=20)
        sheet.cell(row=row, column=1).font = Font(bold=True)
        sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
    book.create_sheet("Лист2")
    book.save(path)


def main():
    r = rows()
    xlsx(r, "examples/tabel-2024-03.xlsx")
    width = max(len(x) for x in r)
    # As Excel saves "CSV (разделители — точка с запятой)" on a Russian or Kazakh Windows: letters
    # 1251 lacks (the Kazakh ә, қ, ұ, …) become `?`.
    with open("examples/tabel-2024-03.csv", "w", encoding="cp1251", errors="replace", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        for x in r:
            w.writerow(x + [""] * (width - len(x)))
    regimes = {"5day": "Пятидневная рабочая неделя", "6day": "Шестидневная рабочая неделя",
               "summed": "Суммированный учет рабочего времени", "4day": "Четырехдневная", "sliding": "Скользящий график"}
    yes = {"true": "да", "false": "нет"}
    with open("examples/roster.csv", encoding="utf-8") as f, \
         open("examples/roster-ru.csv", "w", encoding="utf-8-sig", newline="") as g:
        w = csv.writer(g, delimiter=";", lineterminator="\r\n")
        w.writerow(["Таб. №", "ФИО", "Дата рождения", "Режим работы", "Вредные условия труда",
                    "Группа инвалидности", "Беременность", "Согласие на сверхурочные", "Часовая ставка"])
        for r in csv.DictReader(f):
            b = dt.date.fromisoformat(r["birth_date"])
            rate = int(float(r["hourly_rate"]))
            w.writerow([r["employee_id"], NAMES.get(r["employee_id"], ""), b.strftime("%d.%m.%Y"),
                        regimes[r["work_regime"]], yes[r["hazardous"]],
                        "" if r["disability_group"] == "0" else r["disability_group"],
                        yes[r["pregnant"]], yes[r["overtime_consent"]], f"{rate:,}".replace(",", "\u00a0")])


main()
