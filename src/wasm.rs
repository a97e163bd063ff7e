//! The WebAssembly boundary: JSON text in, one library call (`crate::app`), JSON text out. Every
//! answer is `{"ok": true, "value": …}` or `{"ok": false, "error": {message, rendered, …}}`, so
//! errors cross as plain data with positions and a rendered text. The same functions run
//! natively, which is how the tests show the page and the CLI answer byte for byte alike.

use crate::app::{self, Failure};
use crate::domain::Lang;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

#[derive(Serialize)]
struct Answer<'a, T: Serialize> {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a Failure>,
}

fn answer<T: Serialize>(r: Result<T, Failure>) -> String {
    let a = match &r {
        Ok(v) => Answer {
            ok: true,
            value: Some(v),
            error: None,
        },
        Err(e) => Answer {
            ok: false,
            value: None,
            error: Some(e),
        },
    };
    serde_json::to_string(&a).unwrap_or_else(|e| {
        format!("{{\"ok\":false,\"error\":{{\"message\":\"{e}\",\"rendered\":\"\"}}}}")
    })
}

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Failure> {
    serde_json::from_str(json).map_err(|e| Failure {
        message: format!("bad request: {e}"),
        rendered: String::new(),
        errors: Vec::new(),
    })
}

fn lang(code: &str) -> Lang {
    Lang::from_keyword(code).unwrap_or(Lang::En)
}

/// Installs the panic hook so a bug shows in the console rather than as "unreachable".
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Version, rules digest, dates covered.
#[wasm_bindgen]
pub fn about() -> String {
    answer(app::about())
}

/// A self-check: `app::CheckRequest` as JSON → the report.
#[wasm_bindgen]
pub fn check(request: &str) -> String {
    answer(decode(request).and_then(|r| app::check(&r)))
}

/// The fine calculator: `app::FineRequest` as JSON → the fine with its deadlines.
#[wasm_bindgen]
pub fn fine(request: &str, language: &str) -> String {
    answer(decode(request).and_then(|r| app::fine(&r, lang(language))))
}

/// Every KoAP penalty part with its titles.
#[wasm_bindgen]
pub fn penalties(language: &str) -> String {
    answer(app::penalties(lang(language)))
}

/// The amendment lab: `app::AmendRequest` as JSON → versions, changed articles, scenarios,
/// population, ILO notes and, if asked, a counterexample.
#[wasm_bindgen]
pub fn amend(request: &str) -> String {
    answer(decode(request).and_then(|r| app::amend(&r)))
}

/// The editor's live diagnostics: amendment files (`[{name, text}]`) checked against the law.
#[wasm_bindgen]
pub fn lint(files: &str) -> String {
    answer(decode::<Vec<app::File>>(files).and_then(|f| app::lint(&f)))
}
