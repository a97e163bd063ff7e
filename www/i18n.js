// The page's own words in the three languages of the product. Titles, messages and remedies of
// the law come from the engine in the language asked; these are only the page's labels.
// Kazakh and Russian terms follow the Labour Code's own (notes: kk-terms.md).

export const LANGS = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

const T = {
  tagline: {
    en: 'The Labour Code of Kazakhstan as executable, cited rules',
    ru: 'Трудовой кодекс Республики Казахстан в виде исполняемых правил со ссылками на статьи',
    kk: 'Қазақстан Республикасының Еңбек кодексі — баптарға сілтемесі бар орындалатын ережелер',
  },
  privacy: {
    en: 'Everything runs in this page: your files never leave your computer.',
    ru: 'Всё работает в этой странице: ваши файлы не покидают компьютер.',
    kk: 'Барлығы осы бетте орындалады: файлдарыңыз компьютерден шықпайды.',
  },
  tab_check: { en: 'Self-check', ru: 'Самопроверка', kk: 'Өзін-өзі тексеру' },
  tab_fine: { en: 'Fine calculator', ru: 'Расчёт штрафа', kk: 'Айыппұлды есептеу' },
  tab_lab: { en: 'Amendment lab', ru: 'Лаборатория поправок', kk: 'Түзетулер зертханасы' },
  loading: { en: 'Loading the law…', ru: 'Загрузка закона…', kk: 'Заң жүктелуде…' },
  ready: {
    en: 'Law loaded: {rules|rule|rules}, {penalties|penalty part|penalty parts}, days {from} – {to}.',
    ru: 'Закон загружен: {rules|правило|правила|правил}, {penalties|часть|части|частей} статей КоАП, дни {from} – {to}.',
    kk: 'Заң жүктелді: {rules} ереже, ӘҚБтК баптарының {penalties} бөлігі, күндер {from} – {to}.',
  },
  engine_failed: {
    en: 'The engine could not start',
    ru: 'Не удалось запустить движок',
    kk: 'Қозғалтқышты іске қосу мүмкін болмады',
  },
  // Self-check
  check_intro: {
    en: 'Load your roster and timesheet (CSV). Payroll, leave, accidents and inspections are optional.',
    ru: 'Загрузите список работников и табель (CSV). Ведомость оплаты, отпуска, несчастные случаи и проверки — по желанию.',
    kk: 'Жұмыскерлер тізімі мен табельді (CSV) жүктеңіз. Жалақы, демалыс, жазатайым оқиғалар мен тексерулер — қалауыңыз бойынша.',
  },
  drop: {
    en: 'Drop files here (CSV, Excel, a табель from 1C), or',
    ru: 'Перетащите файлы сюда (CSV, Excel, табель из 1С) или',
    kk: 'Файлдарды осында сүйреңіз (CSV, Excel, 1С табелі) немесе',
  },
  choose_files: { en: 'choose files', ru: 'выберите файлы', kk: 'файлдарды таңдаңыз' },
  try_example: { en: 'Try the example', ru: 'Попробовать пример', kk: 'Мысалды көру' },
  try_tabel: { en: 'Try a табель (Excel)', ru: 'Пример табеля (Excel)', kk: 'Табель мысалы (Excel)' },
  clear: { en: 'Clear', ru: 'Очистить', kk: 'Тазарту' },
  enterprise: { en: 'Employer category', ru: 'Категория работодателя', kk: 'Жұмыс берушінің санаты' },
  unknown: { en: 'unknown', ru: 'не указана', kk: 'көрсетілмеген' },
  small: { en: 'small business or non-profit', ru: 'малое предпринимательство или НКО', kk: 'шағын кәсіпкерлік немесе КЕҰ' },
  medium: { en: 'medium business', ru: 'среднее предпринимательство', kk: 'орта кәсіпкерлік' },
  large: { en: 'large business', ru: 'крупное предпринимательство', kk: 'ірі кәсіпкерлік' },
  official: { en: 'official', ru: 'должностное лицо', kk: 'лауазымды адам' },
  person: { en: 'individual', ru: 'физическое лицо', kk: 'жеке тұлға' },
  as_of: { en: 'Day of the check', ru: 'Дата проверки', kk: 'Тексеру күні' },
  as_of_hint: {
    en: 'empty: the last day of the timesheet; fixes the MCI used for fines',
    ru: 'пусто: последний день табеля; определяет МРП для штрафов',
    kk: 'бос: табельдің соңғы күні; айыппұлдар үшін АЕК-ті анықтайды',
  },
  run_check: { en: 'Check', ru: 'Проверить', kk: 'Тексеру' },
  phase_reading: { en: 'Reading the files…', ru: 'Чтение файлов…', kk: 'Файлдар оқылуда…' },
  phase_writing: { en: 'All employees judged; preparing the answer…', ru: 'Все работники проверены; готовится ответ…', kk: 'Барлық жұмыскер тексерілді; жауап дайындалуда…' },
  checking: { en: 'Checking… {done} of {total} employees', ru: 'Проверка… {done} из {total|работника|работников|работников}', kk: 'Тексерілуде… {total} жұмыскердің {done}' },
  need_files: {
    en: 'Load roster.csv and timesheet.csv first.',
    ru: 'Сначала загрузите roster.csv и timesheet.csv.',
    kk: 'Алдымен roster.csv және timesheet.csv жүктеңіз.',
  },
  kind_roster: { en: 'roster', ru: 'работники', kk: 'жұмыскерлер' },
  kind_timesheet: { en: 'timesheet', ru: 'табель', kk: 'табель' },
  kind_payroll: { en: 'payroll', ru: 'оплата труда', kk: 'жалақы' },
  kind_leave: { en: 'leave', ru: 'отпуска', kk: 'демалыстар' },
  kind_accidents: { en: 'accidents', ru: 'несчастные случаи', kk: 'жазатайым оқиғалар' },
  kind_inspections: { en: 'inspections', ru: 'проверки', kk: 'тексерулер' },
  kind_unknown: {
    en: 'not recognised: name it roster, timesheet, payroll, leave, accidents or inspections .csv',
    ru: 'не распознан: назовите файл roster, timesheet, payroll, leave, accidents или inspections .csv',
    kk: 'танылмады: файлды roster, timesheet, payroll, leave, accidents немесе inspections .csv деп атаңыз',
  },
  columns_help: {
    en: 'What the files hold, column by column (required columns in bold)',
    ru: 'Что содержат файлы, по столбцам (обязательные столбцы выделены)',
    kk: 'Файлдарда не болуы керек: бағандар бойынша (міндетті бағандар бөлектелген)',
  },
  kind_missing: {
    en: 'not recognised: it looks like the {kind} file but lacks the columns {columns}',
    ru: 'не распознан: похоже на файл «{kind}», но нет столбцов {columns}',
    kk: 'танылмады: «{kind}» файлына ұқсайды, бірақ {columns} бағандары жоқ',
  },
  remove: { en: 'Remove', ru: 'Убрать', kk: 'Алып тастау' },
  u_how: { en: 'How it was read', ru: 'Как прочитан', kk: 'Қалай оқылды' },
  u_written: { en: 'encoding {charset}, delimiter {delimiter}', ru: 'кодировка {charset}, разделитель {delimiter}', kk: 'кодтау {charset}, бөлгіш {delimiter}' },
  u_tab: { en: 'tab', ru: 'табуляция', kk: 'табуляция' },
  u_sheet: { en: 'sheet «{sheet}» (sheets: {sheets})', ru: 'лист «{sheet}» (листы: {sheets})', kk: '«{sheet}» парағы (парақтар: {sheets})' },
  u_header: { en: 'header on row {line}, {above} title rows above it skipped', ru: 'заголовок в строке {line}, строк над ним пропущено: {above}', kk: 'тақырып {line}-жолда, оның үстіндегі {above} жол өткізілді' },
  u_tabel: { en: 'табель: {employees} employees, {days} days filled, {leave} leave records', ru: 'табель: работников {employees}, заполненных дней {days}, записей об отпусках {leave}', kk: 'табель: {employees} жұмыскер, {days} толтырылған күн, {leave} демалыс жазбасы' },
  u_tabel_short: { en: 'табель for {month}', ru: 'табель за {month}', kk: '{month} табелі' },
  u_month: { en: 'Month of the табель', ru: 'Месяц табеля', kk: 'Табель айы' },
  u_month_title: { en: 'Month of the табель (from its title)', ru: 'Месяц табеля (из заголовка)', kk: 'Табель айы (тақырыбынан)' },
  u_kind: { en: 'Read as', ru: 'Читать как', kk: 'Қалай оқу' },
  u_unknown: { en: 'unknown, not used', ru: 'неизвестен, не используется', kk: 'белгісіз, пайдаланылмайды' },
  u_not_needed: { en: 'not needed', ru: 'не нужен', kk: 'қажет емес' },
  u_not_used: { en: '— not used —', ru: '— не использовать —', kk: '— пайдаланылмайды —' },
  u_column: { en: 'the column it holds', ru: 'какой это столбец', kk: 'бұл қай баған' },
  u_by_hand: { en: '(set by hand)', ru: '(указано вручную)', kk: '(қолмен көрсетілген)' },
  u_days: { en: 'day columns 1–{n} → the days of the month', ru: 'столбцы дней 1–{n} → дни месяца', kk: '1–{n} күн бағандары → айдың күндері' },
  u_missing: { en: 'missing columns: {columns}', ru: 'нет столбцов: {columns}', kk: 'жоқ бағандар: {columns}' },
  u_first_rows: { en: 'First rows as read', ru: 'Первые строки, как прочитаны', kk: 'Алғашқы жолдар, оқылғандай' },
  rows: { en: '{n|row|rows}', ru: 'строк: {n}', kk: '{n} жол' },
  megabytes: { en: '{n} MB', ru: '{n} МБ', kk: '{n} МБ' },
  s_employees: { en: 'Employees checked', ru: 'Проверено работников', kk: 'Тексерілген жұмыскерлер' },
  s_in_breach: { en: 'In breach', ru: 'С нарушениями', kk: 'Бұзушылығы барлар' },
  s_findings: { en: 'Findings', ru: 'Нарушения', kk: 'Бұзушылықтар' },
  s_exposure: { en: 'Potential fines, tenge', ru: 'Возможные штрафы, тенге', kk: 'Ықтимал айыппұлдар, теңге' },
  s_exposure_note: {
    en: 'first offences; up to {max} if repeated within a year',
    ru: 'впервые; до {max} при повторении в течение года',
    kk: 'алғаш рет; бір жыл ішінде қайталанса — {max} дейін',
  },
  rule_breached: { en: 'Rule', ru: 'Норма', kk: 'Норма' },
  cancel: { en: 'Cancel', ru: 'Отменить', kk: 'Болдырмау' },
  warning_label: { en: 'Warning', ru: 'Предупреждение', kk: 'Ескерту' },
  lang_not_rerun: {
    en: 'A large check is not run again to change its language: its findings stay in the language it was run in.',
    ru: 'Большая проверка не запускается заново ради смены языка: нарушения остаются на языке, на котором она выполнена.',
    kk: 'Үлкен тексеру тілді ауыстыру үшін қайта іске қосылмайды: бұзушылықтар ол орындалған тілде қалады.',
  },
  run_again: { en: 'Check again in this language', ru: 'Проверить заново на этом языке', kk: 'Осы тілде қайта тексеру' },
  cancelled: { en: 'The check was cancelled.', ru: 'Проверка отменена.', kk: 'Тексеру тоқтатылды.' },
  stale: {
    en: 'The files have changed since these results: check again to see theirs.',
    ru: 'Файлы изменились после этой проверки: проверьте снова, чтобы увидеть их результаты.',
    kk: 'Осы нәтижелерден кейін файлдар өзгерді: олардың нәтижесін көру үшін қайта тексеріңіз.',
  },
  s_per_offence: {
    en: 'one fine per KoAP part breached ({n}), not per finding ({m}): KoAP 58 p.1',
    ru: 'один штраф за каждую нарушенную часть статьи КоАП ({n}), а не за каждое нарушение ({m}): ст. 58 ч. 1 КоАП',
    kk: 'бұзылған ӘҚБтК бабының әр бөлігіне бір айыппұл ({n}), әр бұзушылыққа емес ({m}): ӘҚБтК 58-бап 1-бөлік',
  },
  s_rows: { en: 'Rows read / rejected', ru: 'Строк прочитано / отклонено', kk: 'Оқылған / қабылданбаған жолдар' },
  by_article: { en: 'Findings by article', ru: 'Нарушения по статьям', kk: 'Баптар бойынша бұзушылықтар' },
  input_errors: { en: 'Rows that could not be read', ru: 'Строки, которые не удалось прочитать', kk: 'Оқылмаған жолдар' },
  file: { en: 'File', ru: 'Файл', kk: 'Файл' },
  row: { en: 'Row', ru: 'Строка', kk: 'Жол' },
  column: { en: 'Column', ru: 'Столбец', kk: 'Баған' },
  problem: { en: 'Problem', ru: 'Проблема', kk: 'Мәселе' },
  filter_employee: { en: 'Employee', ru: 'Работник', kk: 'Жұмыскер' },
  filter_article: { en: 'Article', ru: 'Статья', kk: 'Бап' },
  filter_severity: { en: 'Severity', ru: 'Тяжесть', kk: 'Ауырлығы' },
  filter_text: { en: 'Search', ru: 'Поиск', kk: 'Іздеу' },
  all: { en: 'all', ru: 'все', kk: 'барлығы' },
  gross: { en: 'gross', ru: 'грубое', kk: 'өрескел' },
  significant: { en: 'significant', ru: 'значительное', kk: 'елеулі' },
  minor: { en: 'minor', ru: 'незначительное', kk: 'елеусіз' },
  col_employee: { en: 'Employee', ru: 'Работник', kk: 'Жұмыскер' },
  col_period: { en: 'Period', ru: 'Период', kk: 'Кезең' },
  col_article: { en: 'Article', ru: 'Статья', kk: 'Бап' },
  col_title: { en: 'Title', ru: 'Название', kk: 'Атауы' },
  col_breach: { en: 'Breach', ru: 'Нарушение', kk: 'Бұзушылық' },
  col_fine: { en: 'Fine, tenge', ru: 'Штраф, тенге', kk: 'Айыппұл, теңге' },
  employer_records: { en: "employer's records", ru: 'записи работодателя', kk: 'жұмыс берушінің жазбалары' },
  measured: { en: 'Measured', ru: 'Фактически', kk: 'Нақты' },
  allowed: { en: 'Allowed', ru: 'Допустимо', kk: 'Рұқсат етілген' },
  what_to_change: { en: 'What to change', ru: 'Что изменить', kk: 'Не өзгерту керек' },
  penalty: { en: 'Penalty', ru: 'Взыскание', kk: 'Жаза' },
  warning_or: { en: 'warning, or', ru: 'предупреждение или', kk: 'ескерту немесе' },
  warning_only: { en: 'warning', ru: 'предупреждение', kk: 'ескерту' },
  mci_unknown: { en: 'tenge unknown: the MCI for this year is not yet set by law', ru: 'сумма в тенге неизвестна: МРП на этот год ещё не установлен законом', kk: 'теңгемен сомасы белгісіз: осы жылға АЕК заңмен әлі белгіленбеген' },
  lab_undecided: { en: 'Not judged: {n|period|periods}; not yet set by law: {values}', ru: 'Не проверено: {n|период|периода|периодов}; ещё не установлено законом: {values}', kk: 'Тексерілмеді: {n} кезең; заңмен әлі белгіленбеген: {values}' },
  undecided: { en: 'Not judged: the law has not yet set a value these rules need', ru: 'Не проверено: закон ещё не установил значение, нужное этим правилам', kk: 'Тексерілмеді: бұл ережелерге қажет мәнді заң әлі белгілемеген' },
  unpriced_warning: {
    en: '+ {n|offence|offences} punished at first by a warning (the MCI for the year is not yet set by law)',
    ru: '+ {n|правонарушение|правонарушения|правонарушений}, за которые впервые выносится предупреждение (МРП на год ещё не установлен законом)',
    kk: '+ алғаш рет ескерту жасалатын {n} құқық бұзушылық (жылдың АЕК-і заңмен әлі белгіленбеген)',
  },
  unpriced: { en: '+ {n|fine|fines} in MCI only (up to {mci} MCI): the MCI for the year is not yet set by law', ru: '+ {n|штраф|штрафа|штрафов} только в МРП (до {mci} МРП): МРП на год ещё не установлен законом', kk: '+ {n} айыппұл тек АЕК-пен (ең көбі {mci} АЕК): жылдың АЕК-і заңмен әлі белгіленбеген' },
  repeat_part: { en: 'repeat within a year', ru: 'повторно в течение года', kk: 'бір жыл ішінде қайталап' },
  no_fine: { en: 'no KoAP part sets a fine', ru: 'КоАП не устанавливает штраф', kk: 'ӘҚБтК айыппұл белгілемейді' },
  why: { en: 'Why (the computation)', ru: 'Почему (ход расчёта)', kk: 'Неліктен (есептеу барысы)' },
  // What each step of the computation is (the engine's `kind`).
  step_rule: { en: 'rule', ru: 'норма', kk: 'норма' },
  step_requirement: { en: 'requirement', ru: 'требование', kk: 'талап' },
  step_condition: { en: 'applies when', ru: 'применяется, если', kk: 'қолданылады, егер' },
  step_fact: { en: 'fact', ru: 'факт', kk: 'дерек' },
  step_parameter: { en: 'set by law', ru: 'установлено законом', kk: 'заңмен белгіленген' },
  step_definition: { en: 'computed', ru: 'вычисляется', kk: 'есептеледі' },
  step_exception: { en: 'exception', ru: 'исключение', kk: 'ерекшелік' },
  step_aggregate: { en: 'total', ru: 'итог', kk: 'жиыны' },
  reading: { en: 'Reading', ru: 'Толкование', kk: 'Түсіндірме' },
  show_more: { en: 'Show {n} more', ru: 'Показать ещё {n}', kk: 'Тағы {n} көрсету' },
  shown: { en: '{shown} of {total} findings shown', ru: 'Показано {shown} из {total|нарушения|нарушений|нарушений}', kk: '{total} бұзушылықтың {shown} көрсетілген' },
  no_findings: { en: 'No breaches found.', ru: 'Нарушений не найдено.', kk: 'Бұзушылықтар табылған жоқ.' },
  export_csv: { en: 'Export CSV', ru: 'Выгрузить CSV', kk: 'CSV жүктеп алу' },
  print: { en: 'Print report', ru: 'Печать отчёта', kk: 'Есепті басып шығару' },
  chart_title: { en: 'Weekly hours', ru: 'Часы по неделям', kk: 'Апталық сағаттар' },
  chart_hint: {
    en: 'normal hours worked each week (overtime excluded) against the weekly limit the law sets for this employee',
    ru: 'нормальные часы за каждую неделю (без сверхурочных) и недельный предел, установленный законом для этого работника',
    kk: 'әр аптадағы қалыпты жұмыс сағаттары (үстеме жұмыссыз) және заң осы жұмыскерге белгілеген апталық шек',
  },
  chart_limit: { en: 'limit', ru: 'предел', kk: 'шек' },
  chart_no_limit: { en: 'summed accounting: no weekly limit', ru: 'суммированный учёт: недельного предела нет', kk: 'жиынтық есеп: апталық шек жоқ' },
  hours: { en: 'h', ru: 'ч', kk: 'сағ' },
  report_title: { en: 'Labour law self-check report', ru: 'Отчёт о самопроверке по трудовому законодательству', kk: 'Еңбек заңнамасы бойынша өзін-өзі тексеру есебі' },
  engine_line: { en: 'ereje {version}, rules {digest}, checked as of {as_of}', ru: 'ereje {version}, правила {digest}, дата проверки {as_of}', kk: 'ereje {version}, ережелер {digest}, тексеру күні {as_of}' },
  // Fine calculator
  fine_intro: {
    en: 'Choose the offence, who is fined and the date: the amount, the deadlines and the reduced payment follow, each with its article.',
    ru: 'Выберите правонарушение, субъекта и дату: сумма, сроки и уменьшенная оплата рассчитываются со ссылками на статьи.',
    kk: 'Құқық бұзушылықты, субъектіні және күнді таңдаңыз: сома, мерзімдер және азайтылған төлем баптарға сілтемемен есептеледі.',
  },
  offence: { en: 'Offence (KoAP article and part)', ru: 'Правонарушение (статья и часть КоАП)', kk: 'Құқық бұзушылық (ӘҚБтК бабы мен бөлігі)' },
  search_offence: { en: 'Search by number or words', ru: 'Поиск по номеру или словам', kk: 'Нөмір немесе сөз бойынша іздеу' },
  subject: { en: 'Who is fined', ru: 'Кто привлекается', kk: 'Кім жауапқа тартылады' },
  derive: { en: 'derive from headcount and income (EC Art 24)', ru: 'определить по численности и доходу (ст. 24 ПК)', kk: 'қызметкерлер саны мен табыс бойынша анықтау (ҚК 24-бабы)' },
  headcount: { en: 'Average annual headcount', ru: 'Среднегодовая численность', kk: 'Орташа жылдық саны' },
  income: { en: 'Average annual income, MCI', ru: 'Среднегодовой доход, МРП', kk: 'Орташа жылдық табыс, АЕК' },
  repeat: { en: 'Repeat within a year after a penalty', ru: 'Повторно в течение года после взыскания', kk: 'Жазадан кейін бір жыл ішінде қайталап' },
  case_date: { en: 'Day the case is opened', ru: 'Дата возбуждения дела', kk: 'Іс қозғалған күн' },
  offence_date: { en: 'Day of the offence (if different)', ru: 'Дата правонарушения (если другая)', kk: 'Құқық бұзушылық күні (басқа болса)' },
  unpaid: { en: 'Unpaid sum, tenge (for parts fined as a share)', ru: 'Невыплаченная сумма, тенге (для частей со штрафом в процентах)', kk: 'Төленбеген сома, теңге (пайызбен айыппұл салынатын бөліктер үшін)' },
  compute: { en: 'Compute', ru: 'Рассчитать', kk: 'Есептеу' },
  add_sheet: { en: 'Add to the calculation sheet', ru: 'Добавить в расчётный лист', kk: 'Есеп парағына қосу' },
  sheet: { en: 'Calculation sheet', ru: 'Расчётный лист', kk: 'Есеп парағы' },
  sheet_empty: { en: 'No offences added yet.', ru: 'Правонарушения ещё не добавлены.', kk: 'Құқық бұзушылықтар әлі қосылмаған.' },
  total: { en: 'Total', ru: 'Итого', kk: 'Барлығы' },
  print_sheet: { en: 'Print the sheet', ru: 'Печать листа', kk: 'Парақты басып шығару' },
  amount: { en: 'Fine', ru: 'Штраф', kk: 'Айыппұл' },
  mci: { en: 'MCI', ru: 'МРП', kk: 'АЕК' },
  of_unpaid: { en: 'of the unpaid sum', ru: 'от невыплаченной суммы', kk: 'төленбеген сомадан' },
  give_unpaid: { en: 'give the unpaid sum to compute the fine', ru: 'укажите невыплаченную сумму для расчёта', kk: 'есептеу үшін төленбеген соманы көрсетіңіз' },
  editor_keys: { en: 'Tab indents; Esc then Tab leaves the editor.', ru: 'Tab делает отступ; Esc, затем Tab — выход из редактора.', kk: 'Tab шегініс жасайды; Esc, содан кейін Tab — редактордан шығу.' },
  skip: { en: 'Skip to content', ru: 'Перейти к содержимому', kk: 'Мазмұнға өту' },
  page_title: { en: 'ereje — Labour Code of Kazakhstan', ru: 'ereje — Трудовой кодекс Республики Казахстан', kk: 'ereje — Қазақстан Республикасының Еңбек кодексі' },
  workspaces: { en: 'Workspaces', ru: 'Разделы', kk: 'Бөлімдер' },
  employees_n: { en: 'employees', ru: 'работников', kk: 'жұмыскер' },
  sanction: { en: 'Sanction', ru: 'Санкция', kk: 'Санкция' },
  ms: { en: 'ms', ru: 'мс', kk: 'мс' },
  article_added: { en: 'added', ru: 'добавлена', kk: 'қосылды' },
  article_removed: { en: 'removed', ru: 'исключена', kk: 'алынып тасталды' },
  article_modified: { en: 'changed', ru: 'изменена', kk: 'өзгертілді' },
  rules_digest: { en: 'rules', ru: 'правила', kk: 'ережелер' },
  since: { en: 'in force since', ru: 'действует с', kk: 'күшіне енген күні' },
  reduced: { en: 'Reduced payment', ru: 'Уменьшенная оплата', kk: 'Азайтылған төлем' },
  pay_by: { en: 'Pay within', ru: 'Оплатить в течение', kk: 'Төлеу мерзімі' },
  appeal_by: { en: 'Appeal within', ru: 'Обжалование в течение', kk: 'Шағымдану мерзімі' },
  of_delivery: { en: 'of delivery of the decision', ru: 'со дня вручения постановления', kk: 'қаулы тапсырылған күннен бастап' },
  days: { en: 'days', ru: 'дн.', kk: 'күн' },
  of_decision: { en: 'of the decision taking effect', ru: 'со дня вступления постановления в силу', kk: 'қаулы күшіне енген күннен бастап' },
  warning_possible: { en: 'A warning may be given instead (first offence)', ru: 'Возможно предупреждение (впервые)', kk: 'Ескерту жасалуы мүмкін (алғаш рет)' },
  pick_offence: { en: 'Choose an offence from the list.', ru: 'Выберите правонарушение из списка.', kk: 'Тізімнен құқық бұзушылықты таңдаңыз.' },
  // Amendment lab
  lab_intro: {
    en: 'Write a change to the law in the rule language, or load an example. The editor checks it as you type; Run shows what it does.',
    ru: 'Запишите изменение закона на языке правил или загрузите пример. Редактор проверяет текст при вводе; «Запустить» показывает последствия.',
    kk: 'Заңдағы өзгерісті ережелер тілінде жазыңыз немесе мысалды жүктеңіз. Редактор теру кезінде тексереді; «Іске қосу» салдарын көрсетеді.',
  },
  example_amendment: { en: 'Example', ru: 'Пример', kk: 'Мысал' },
  new_amendment: { en: 'New', ru: 'Новая', kk: 'Жаңа' },
  open_file: { en: 'Open file', ru: 'Открыть файл', kk: 'Файлды ашу' },
  download: { en: 'Download', ru: 'Скачать', kk: 'Жүктеп алу' },
  format_rules: { en: 'Tidy layout', ru: 'Выровнять оформление', kk: 'Пішімін реттеу' },
  format_rules_hint: { en: 'Lay the text out as the law\'s own files are, keeping every comment', ru: 'Оформить текст так же, как файлы закона, сохранив все комментарии', kk: 'Мәтінді заң файлдары сияқты ресімдеу, барлық түсініктемелерді сақтай отырып' },
  formatted: { en: 'Layout tidied', ru: 'Оформление выровнено', kk: 'Пішімі реттелді' },
  format_failed: { en: 'The layout was not changed: see the problems under the editor', ru: 'Оформление не изменено: см. ошибки под редактором', kk: 'Пішімі өзгертілмеді: редактордың астындағы қателерді қараңыз' },
  editor_label: { en: 'Amendment (rule language)', ru: 'Поправка (язык правил)', kk: 'Түзету (ережелер тілі)' },
  law_date: { en: 'Law date', ru: 'Дата закона', kk: 'Заң күні' },
  law_date_hint: { en: 'empty: the first day the amendment changes', ru: 'пусто: первый день действия поправки', kk: 'бос: түзету күшіне енетін бірінші күн' },
  population: { en: 'Population', ru: 'Совокупность', kk: 'Жиынтық' },
  pop_generated: { en: 'generated employees', ru: 'сгенерированных работников', kk: 'жасалған жұмыскер' },
  pop_files: { en: 'the files loaded in Self-check', ru: 'файлы из самопроверки', kk: 'өзін-өзі тексерудегі файлдар' },
  historical: { en: 'already law: compare with the law before it', ru: 'уже действует: сравнить с законом до неё', kk: 'заң болып табылады: одан бұрынғы заңмен салыстыру' },
  search_cx: { en: 'search for a counterexample', ru: 'искать контрпример', kk: 'қарсы мысал іздеу' },
  run_lab: { en: 'Run', ru: 'Запустить', kk: 'Іске қосу' },
  lint_ok: { en: 'Checks: {versions}; changes {articles}.', ru: 'Проверено: {versions}; изменяет {articles}.', kk: 'Тексерілді: {versions}; өзгертеді: {articles}.' },
  lint_none: { en: 'nothing', ru: 'ничего', kk: 'ештеңе' },
  lint_errors: { en: '{n|error|errors}', ru: 'ошибок: {n}', kk: '{n} қате' },
  running: { en: 'Running…', ru: 'Выполняется…', kk: 'Орындалуда…' },
  versions: { en: 'Versions compared', ru: 'Сравниваемые редакции', kk: 'Салыстырылатын редакциялар' },
  articles_changed: { en: 'Articles changed', ru: 'Изменённые статьи', kk: 'Өзгертілген баптар' },
  before: { en: 'before', ru: 'до', kk: 'дейін' },
  after: { en: 'after', ru: 'после', kk: 'кейін' },
  scenarios: { en: 'Scenario suite', ru: 'Набор сценариев', kk: 'Сценарийлер жиынтығы' },
  scenarios_passed: { en: 'passed', ru: 'пройдено', kk: 'өтті' },
  scenario_changes: { en: '{n|scenario changes|scenarios change} outcome', ru: 'сценариев с другим исходом: {n}', kk: 'нәтижесі өзгерген сценарийлер: {n}' },
  pass: { en: 'pass', ru: 'пройден', kk: 'өтті' },
  fail: { en: 'fail', ru: 'не пройден', kk: 'өтпеді' },
  absent: { en: 'absent', ru: 'нет', kk: 'жоқ' },
  pop_title: { en: 'Population', ru: 'Совокупность работников', kk: 'Жұмыскерлер жиынтығы' },
  newly: { en: 'Newly in breach', ru: 'Впервые с нарушениями', kk: 'Жаңадан бұзушылығы барлар' },
  no_longer: { en: 'No longer in breach', ru: 'Больше без нарушений', kk: 'Енді бұзушылығы жоқтар' },
  exposure_before_after: { en: 'Fine exposure, tenge', ru: 'Возможные штрафы, тенге', kk: 'Ықтимал айыппұлдар, теңге' },
  cannot_compare: { en: 'Fewer than two versions could judge this population: nothing to compare.', ru: 'Меньше двух редакций могут оценить эту совокупность: сравнивать нечего.', kk: 'Бұл жиынтықты екіден аз редакция бағалай алады: салыстыратын ештеңе жоқ.' },
  cannot_judge: { en: 'cannot judge', ru: 'не может оценить', kk: 'бағалай алмайды' },
  changed_findings: { en: 'Changed findings', ru: 'Изменившиеся нарушения', kk: 'Өзгерген бұзушылықтар' },
  change_new: { en: 'new', ru: 'новое', kk: 'жаңа' },
  change_gone: { en: 'gone', ru: 'исчезло', kk: 'жойылды' },
  change_changed: { en: 'changed', ru: 'изменилось', kk: 'өзгерді' },
  ilo: { en: 'ILO conformity notes touched', ru: 'Затронутые заметки о соответствии конвенциям МОТ', kk: 'ХЕҰ конвенцияларына сәйкестік туралы қозғалған жазбалар' },
  ilo_none: { en: 'None.', ru: 'Нет.', kk: 'Жоқ.' },
  note_rewritten: { en: 'assessment rewritten by the amendment', ru: 'оценка изменена поправкой', kk: 'бағаны түзету өзгертті' },
  note_review: { en: 'review: it concerns {articles}, which changed', ru: 'пересмотреть: касается изменённых {articles}', kk: 'қайта қарау: өзгерген {articles} қатысты' },
  note_condition: { en: 'status follows from its condition:', ru: 'статус следует из условия:', kk: 'мәртебесі шарттан шығады:' },
  conforms: { en: 'conforms', ru: 'соответствует', kk: 'сәйкес' },
  conflict: { en: 'conflict', ru: 'противоречие', kk: 'қайшылық' },
  open: { en: 'open', ru: 'открыт', kk: 'ашық' },
  counterexample: { en: 'Counterexample', ru: 'Контрпример', kk: 'Қарсы мысал' },
  cx_none: { en: 'None within the bounds: {bounds}. {n} cases tried.', ru: 'Не найден в пределах: {bounds}. Проверено случаев: {n}.', kk: 'Шектерде табылмады: {bounds}. Тексерілген жағдайлар: {n}.' },
  cx_found: { en: 'A smallest case on which the last two versions differ ({n} cases tried):', ru: 'Наименьший случай, в котором две последние редакции расходятся (проверено {n}):', kk: 'Соңғы екі редакция ерекшеленетін ең кіші жағдай ({n} тексерілді):' },
  copy: { en: 'Copy', ru: 'Копировать', kk: 'Көшіру' },
  no_breach: { en: 'no breach', ru: 'нарушений нет', kk: 'бұзушылық жоқ' },
  findings_brief: {
    en: 'A large check: the list holds the first {shown} of {total} findings (the totals above count them all). Open a finding to have it explained; for the full list, run `ereje check --format csv` on the same files.',
    ru: 'Большая проверка: в списке первые {shown} из {total} нарушений (итоги выше учитывают все). Откройте нарушение, чтобы получить объяснение; полный список даёт `ereje check --format csv` по тем же файлам.',
    kk: 'Үлкен тексеру: тізімде {total} бұзушылықтың алғашқы {shown} (жоғарыдағы қорытынды бәрін есептейді). Түсіндірме алу үшін бұзушылықты ашыңыз; толық тізімді сол файлдар бойынша `ereje check --format csv` береді.',
  },
  chart_part: {
    en: 'A large check: the chart covers the first {n} of {total} employees in the roster.',
    ru: 'Большая проверка: график охватывает первых {n} из {total} работников списка.',
    kk: 'Үлкен тексеру: кесте тізімдегі {total} жұмыскердің алғашқы {n} қамтиды.',
  },
  explaining: { en: 'Working out the steps…', ru: 'Расчёт шагов…', kk: 'Қадамдар есептелуде…' },
  bad_date: { en: 'Not a date: use YYYY-MM-DD.', ru: 'Неверная дата: используйте ГГГГ-ММ-ДД.', kk: 'Күн дұрыс емес: ЖЖЖЖ-АА-КК пішімін қолданыңыз.' },
};

let lang = 'en';

export function setLang(l) {
  lang = LANGS[l] ? l : 'en';
  return lang;
}

export function getLang() {
  return lang;
}

/** The page's word for `key` in the current language, with `{name}` filled from `vars`. */
/** Plural categories in each language's own order of forms: `{n|правило|правила|правил}`. */
const FORMS = { en: ['one', 'other'], ru: ['one', 'few', 'many'], kk: ['other'] };
const PLURALS = {};

/** A number with its noun in the form the language gives it (Intl.PluralRules). */
function counted(n, forms) {
  const rules = PLURALS[lang] ??= new Intl.PluralRules({ en: 'en-GB', ru: 'ru-RU', kk: 'kk-KZ' }[lang]);
  const order = FORMS[lang];
  const at = order.indexOf(rules.select(Number(n)));
  // Russian fractions are `other`: the genitive singular, as `few` takes it.
  const form = forms[at >= 0 ? at : Math.min(1, forms.length - 1)] ?? forms[forms.length - 1];
  return `${n} ${form}`;
}

export function t(key, vars = {}) {
  const entry = T[key];
  let s = entry ? entry[lang] ?? entry.en : key;
  // `{n|form|form…}`: the number with its noun's form.
  s = s.replace(/\{(\w+)\|([^}]*)\}/g, (m, k, forms) => (k in vars ? counted(vars[k], forms.split('|')) : m));
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/** Applies the words to every element with `data-i18n` (text) or `data-i18n-*` (attributes). */
export function translate(root = document) {
  document.documentElement.lang = lang;
  document.title = t('page_title');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
}
