//! "Did you mean …?": the one string utility every stage needs, so it sits below them all.

/// `did you mean …?` for a misspelt name, from the names available: the closest by edit
/// distance among those within one edit or similar enough by Jaro–Winkler.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| {
            (
                strsim::levenshtein(name, c),
                strsim::jaro_winkler(name, c),
                c,
            )
        })
        .filter(|(lev, jw, _)| *lev <= 1 || *jw > 0.8)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(b.2)))
        .map(|(_, _, c)| c)
}
