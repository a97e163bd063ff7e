//! Prepares the law for embedding: the SHA-256 of the rule files as written (the `rules_digest`
//! every report carries), and for the browser module copies of them without comments.
//!
//! Why a build script (style.md prefers none): the browser module must stay within 300 KB
//! gzipped (issue 4), and comments — our notes on sources and readings — are a sixth of the
//! compressed rules. Comments are blanked to the end of their line, so every line and column
//! of the rules keeps its place and diagnostics still point at the file in the repository.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::Path;

/// The rule files in load order; `src/bundled.rs` embeds the same list (a test compares).
const RULES: &[&str] = &[
    "LC/00-code.rules",
    "LC/04-employment-contract.rules",
    "LC/06-working-time.rules",
    "LC/07-rest-time.rules",
    "LC/08-pay.rules",
    "LC/20-accidents.rules",
    "LC/21-state-control.rules",
    "EC/00-code.rules",
    "EC/02-business-categories.rules",
    "EC/13-state-control.rules",
    "KoAP/00-code.rules",
    "KoAP/06-penalties.rules",
    "KoAP/10-labour-offences.rules",
    "KoAP/42-proceedings.rules",
    "KoAP/43-1-appeals.rules",
    "KoAP/56-execution.rules",
    "HL/00-code.rules",
    "HL/holidays.rules",
    "ILO/C81.rules",
    "ILO/C129.rules",
    "ILO/C138-C155.rules",
];

/// The text with each `# …` comment outside a string removed, the line ends kept.
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (mut in_string, mut escaped, mut cut) = (false, false, line.len());
        for (i, c) in line.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' if in_string => escaped = true,
                '"' => in_string = !in_string,
                '#' if !in_string => {
                    cut = i;
                    break;
                }
                _ => {}
            }
        }
        let kept = line[..cut].trim_end();
        out.push_str(kept);
        if line.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

fn main() {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let mut digest = Sha256::new();
    let (mut original, mut stripped) = (String::new(), String::new());
    for name in RULES {
        let path = Path::new("rules").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        // The same bytes `explain::digest` hashes at run time: name, NUL, text, NUL.
        digest.update(format!("rules/{name}").as_bytes());
        digest.update([0]);
        digest.update(text.as_bytes());
        digest.update([0]);
        let target = Path::new(&out).join("rules").join(name);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        std::fs::write(&target, without_comments(&text))
            .unwrap_or_else(|e| panic!("{}: {e}", target.display()));
        let _ = writeln!(
            original,
            "    (\"rules/{name}\", include_str!({:?})),",
            Path::new(&root)
                .join("rules")
                .join(name)
                .display()
                .to_string()
        );
        let _ = writeln!(
            stripped,
            "    (\"rules/{name}\", include_str!({:?})),",
            target.display().to_string()
        );
    }
    let hex = digest.finalize().iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    let code = format!(
        "/// The rule files as written, in load order.\n\
         pub const WRITTEN: &[(&str, &str)] = &[\n{original}];\n\
         /// The same files with their comments blanked (the browser module's copy).\n\
         pub const WITHOUT_COMMENTS: &[(&str, &str)] = &[\n{stripped}];\n\
         /// SHA-256 over the names and texts of the files as written.\n\
         pub const DIGEST: &str = \"{hex}\";\n"
    );
    std::fs::write(Path::new(&out).join("rules.rs"), code)
        .unwrap_or_else(|e| panic!("rules.rs: {e}"));
    println!("cargo:rerun-if-changed=build.rs");
}
