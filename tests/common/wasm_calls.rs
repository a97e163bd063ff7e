// The calls the page makes, shared by `tests/app.rs` (natively, writing the golden answers) and
// `tests/wasm.rs` (in the browser, comparing with them).

use ereje::wasm;

fn s(x: &str) -> String {
    x.to_string()
}

/// A call's form, `[name, value, …]`.
fn form(fields: &[(&str, &str)]) -> Vec<String> {
    fields.iter().flat_map(|(n, v)| [s(n), s(v)]).collect()
}

/// Files as the page sends them: `[kind, name, …]`, and their bytes in the same order.
fn files(flat: &[String]) -> (Vec<String>, Vec<Vec<u8>>) {
    let names = flat
        .chunks(3)
        .flat_map(|c| [c[0].clone(), c[1].clone(), String::new()])
        .collect();
    let data = flat.chunks(3).map(|c| c[2].as_bytes().to_vec()).collect();
    (names, data)
}

fn example_files() -> Vec<String> {
    let f = |kind: &str, name: &str, text: &str| [s(kind), s(name), s(text)];
    [
        f(
            "roster",
            "roster.csv",
            include_str!("../../examples/roster.csv"),
        ),
        f(
            "timesheet",
            "timesheet.csv",
            include_str!("../../examples/timesheet.csv"),
        ),
        f(
            "payroll",
            "payroll.csv",
            include_str!("../../examples/payroll.csv"),
        ),
        f("leave", "leave.csv", include_str!("../../examples/leave.csv")),
        f(
            "accidents",
            "accidents.csv",
            include_str!("../../examples/accidents.csv"),
        ),
        f(
            "inspections",
            "inspections.csv",
            include_str!("../../examples/inspections.csv"),
        ),
    ]
    .concat()
}

pub fn check_example_en() -> String {
    let (names, data) = files(&example_files());
    wasm::check_args(
        &form(&[("enterprise", "medium"), ("lang", "en")]),
        &names,
        data,
        &mut |_, _| {},
    )
}

pub fn check_example_kk() -> String {
    let (names, data) = files(&example_files());
    wasm::check_args(
        &form(&[("as_of", "2024-04-30"), ("lang", "kk")]),
        &names,
        data,
        &mut |_, _| {},
    )
}

pub fn check_bad_rows() -> String {
    let flat = vec![
        s("roster"),
        s("roster.csv"),
        s(
            "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent\nA,1990-01-01,5day,false,0,false,true\n",
        ),
        s("timesheet"),
        s("timesheet.csv"),
        s(
            "employee_id,date,worked_hours,overtime_hours,night_hours\nA,2024-03-04,9,0,0\nA,2024-03-05,nine,0,0\nB,2024-03-05,8,0,0\n",
        ),
    ];
    let (names, data) = files(&flat);
    wasm::check_args(&form(&[("lang", "ru")]), &names, data, &mut |_, _| {})
}

pub fn fine_89_2_medium() -> String {
    wasm::fine(form(&[
        ("citation", "KoAP 89.2"),
        ("subject", "medium"),
        ("repeat", "false"),
        ("date", "2024-05-01"),
        ("lang", "en"),
    ]))
}

pub fn fine_derived_size_ru() -> String {
    wasm::fine(form(&[
        ("citation", "KoAP 87.1"),
        ("headcount", "120"),
        ("income", "400000"),
        ("repeat", "true"),
        ("date", "2025-03-01"),
        ("offence", "2025-02-10"),
        ("lang", "ru"),
    ]))
}

pub fn penalties_kk() -> String {
    wasm::penalties("kk")
}

pub fn lint_unknown_parameter() -> String {
    wasm::lint(vec![
        s("draft.rules"),
        s(
            "amendment \"draft\" {\n  title en \"-\" ru \"-\" kk \"-\"\n  set normal_wek from 2027-01-01 = 36 h\n}\n",
        ),
    ], "ru")
}

pub fn amend_lift_caps() -> String {
    let scenarios = vec![
        s("tests/scenarios/EC-13-state-control.rules"),
        s(include_str!("../scenarios/EC-13-state-control.rules")),
    ];
    wasm::amend_args(
        &form(&[("generate", "40"), ("lang", "en")]),
        &[
            s("2027-01-01-lift-inspection-caps.rules"),
            s(include_str!(
                "../../rules/amendments/2027-01-01-lift-inspection-caps.rules"
            )),
        ],
        &scenarios,
        &[],
        Vec::<Vec<u8>>::new(),
    )
}

/// A page call: the golden file its answer is kept in, and the call.
/// 300 rosters and timesheets made from a fixed seed (one to four employees of any age, regime
/// and flags; up to 20 days of March–April 2024 with any hours), each checked in a language: the
/// answers' FNV-1a hash and their total length, one line. The same line natively and in the
/// browser means the same bytes for every answer.
pub fn random_checks() -> String {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    let (mut hash, mut len): (u64, usize) = (0xcbf2_9ce4_8422_2325, 0);
    let regimes = ["5day", "6day", "4day", "summed", "sliding"];
    let langs = ["en", "ru", "kk"];
    for _ in 0..300 {
        let people = 1 + next(4) as usize;
        let mut roster = s(
            "employee_id,birth_date,work_regime,hazardous,disability_group,pregnant,overtime_consent,hourly_rate\n",
        );
        for i in 0..people {
            roster.push_str(&format!(
                "E{i},{}-0{}-1{},{},{},{},{},{},{}\n",
                1955 + next(56),
                1 + next(9),
                next(10),
                regimes[next(5) as usize],
                next(2) == 1,
                next(4),
                next(2) == 1,
                next(2) == 1,
                1000 + next(3000)
            ));
        }
        let mut timesheet = s("employee_id,date,worked_hours,overtime_hours,night_hours\n");
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..next(20) {
            let (e, day) = (next(people as u64), next(61));
            if !seen.insert((e, day)) {
                continue;
            }
            let date = ereje::date::Date::constant(2024, 3, 1)
                .add_days(day as i64)
                .map(|d| d.to_string())
                .unwrap_or_default();
            let worked = next(17);
            let (overtime, night) = (next(worked.min(4) + 1), next(worked + 1));
            timesheet.push_str(&format!("E{e},{date},{worked},{overtime},{night}\n"));
        }
        let flat = vec![
            s("roster"),
            s("roster.csv"),
            roster,
            s("timesheet"),
            s("timesheet.csv"),
            timesheet,
        ];
        let (names, data) = files(&flat);
        let answer = wasm::check_args(
            &form(&[("lang", langs[next(3) as usize])]),
            &names,
            data,
            &mut |_, _| {},
        );
        len += answer.len();
        for b in answer.bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("300 checks, {len} bytes, fnv1a {hash:016x}\n")
}

pub type Call = (&'static str, fn() -> String);

/// Every call, with the golden file its answer is kept in.
pub const CALLS: &[Call] = &[
    ("check-example-en.json", check_example_en),
    ("check-example-kk.json", check_example_kk),
    ("check-bad-rows.json", check_bad_rows),
    ("fine-89-2-medium.json", fine_89_2_medium),
    ("fine-derived-size-ru.json", fine_derived_size_ru),
    ("penalties-kk.json", penalties_kk),
    ("lint-unknown-parameter.json", lint_unknown_parameter),
    ("amend-lift-caps.json", amend_lift_caps),
    ("random-checks.txt", random_checks),
];
