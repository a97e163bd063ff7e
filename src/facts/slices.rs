//! The timesheet's first pass made in slices: a check split across the page's workers has each
//! worker read one slice of the file's bytes ([`timesheet_runs_slice`]), and each part joins the
//! slices into the runs one reading of the whole file finds ([`Runs::joined`]), so that no
//! worker reads the whole file to find where its own employees' rows are.
//!
//! A slice is the lines that begin in its share of the bytes below the header. Only a UTF-8 file
//! with no quote below its header is read so (its text is then its bytes past a byte-order mark,
//! and a line's end is a row's); any other gives no slice, and each part reads the whole file
//! as before.

use super::source::{self, BlankLog, Unblank};
use super::{
    Ahead, Coverage, FileKind, Header, InputReport, RunColumns, Runs, RunsFound, Through,
    delimiter_byte, open_read, quick_rows,
};
use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, Read};

/// What the first pass found in one slice of a timesheet: its runs, with their places counted
/// from the slice's first byte and line, and what joins it to the slices around it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunsSlice {
    /// Which slice it is, from 0, of how many.
    slice: (usize, usize),
    /// Where the header ends in the text (byte and line), as every slice finds it.
    header_end: (u64, u64),
    /// Where blank lines above the header were made spaces.
    head_spaces: Vec<u64>,
    /// Where the slice's lines begin in the file's text (its bytes past a byte-order mark).
    from: u64,
    /// Where they end: the next slice's `from`.
    to: u64,
    /// Its runs: the hash of each id (as hex: a page holding it as JSON keeps all 64 bits), and
    /// the latest date.
    runs: Vec<(IdHash, Option<Date>)>,
    /// Where each begins, counted from the slice's first byte and line (blank lines made
    /// spaces, as the reader makes them).
    places: Vec<(u64, u64)>,
    /// The ids of its first and last runs (a run may go on across a slice's end).
    first_id: String,
    last_id: String,
    /// Data rows in it.
    rows: usize,
    /// Lines in it.
    lines: u64,
    /// Where its blank lines were made spaces, from its first byte.
    spaces: Vec<u64>,
}

/// The hash of an id, written as 16 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct IdHash(u64);

impl Serialize for IdHash {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:016x}", self.0))
    }
}

impl<'de> Deserialize<'de> for IdHash {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<IdHash, D::Error> {
        let text = String::deserialize(d)?;
        u64::from_str_radix(&text, 16)
            .map(IdHash)
            .map_err(serde::de::Error::custom)
    }
}

/// The first pass over slice `index` of `of` of a timesheet opened by `open_at` (at a byte of
/// the file) of `size` bytes: the lines that begin in that share of the bytes below the header
/// (the last slice reads to the end, whatever `size` says, so a wrong size only makes the
/// slices unequal, or those past the end empty). None when the file is not UTF-8 CSV, has a quote below its header, a line
/// the quick split does not hold, more blank lines than are written down, or cannot be read.
pub fn timesheet_runs_slice<R: Read + Send>(
    open_at: &dyn Fn(u64) -> io::Result<R>,
    size: u64,
    index: usize,
    of: usize,
    coverage: Coverage,
) -> Option<RunsSlice> {
    if index >= of {
        return None;
    }
    let mut whole = open_at(0).ok()?;
    let mut head = Vec::new();
    (&mut whole)
        .take(source::HEAD as u64)
        .read_to_end(&mut head)
        .ok()?;
    if source::needs_more_than_utf8(&head) {
        return None;
    }
    let bom: u64 = match head.starts_with(&[0xef, 0xbb, 0xbf]) {
        true => 3,
        false => 0,
    };
    // The header, as the first pass of the whole file reads it.
    let Header {
        required, optional, ..
    } = Header::of(FileKind::Timesheet);
    let log = BlankLog::default();
    let (t, reader) = open_read(
        "",
        io::Cursor::new(head).chain(whole),
        Through::Logged(log.clone()),
        Ahead::Exact,
        &required,
        &optional,
        &mut InputReport::default(),
    )?;
    let cols = RunColumns {
        id: *t.columns.get("employee_id")?,
        date: *t.columns.get("date")?,
        delimiter: delimiter_byte(t.delimiter),
    };
    let header_end = {
        let p = reader.position();
        (p.byte(), p.line())
    };
    drop(reader);
    let head_spaces = log.take_spaces()?;
    // The rows' first byte in the file, and each slice's share of the bytes from there.
    let body = source::unblanked(header_end.0, &head_spaces).checked_add(bom)?;
    let share = |k: usize| -> u64 {
        let rows = u128::from(size.saturating_sub(body));
        let at = rows * k as u128 / of as u128;
        body.saturating_add(u64::try_from(at).unwrap_or(u64::MAX))
    };
    let (lo, hi) = (share(index), share(index + 1));
    // The slice's first line: the first that begins at or after `lo`.
    let (rows, from) = match index {
        0 => (io::BufReader::new(open_at(body).ok()?), body),
        _ => {
            let before = lo.checked_sub(1)?;
            let mut r = io::BufReader::new(open_at(before).ok()?);
            let passed = through_line_end(&mut r).ok()?;
            (r, before.saturating_add(passed))
        }
    };
    let lines = LinesBegun {
        inner: rows,
        at: from,
        end: if index + 1 == of { u64::MAX } else { hi },
        last: b'\n',
    };
    let log = BlankLog::default();
    let mut found = RunsFound::new(coverage, true);
    let left = quick_rows(
        Box::new(Unblank::logged(lines, log.clone())),
        (0, 0),
        cols,
        &mut found,
    );
    if left.is_some() || !found.out.complete {
        return None;
    }
    let spaces = log.take_spaces()?;
    let read = found.end.0.checked_sub(spaces.len() as u64)?;
    let from = from.checked_sub(bom)?;
    Some(RunsSlice {
        slice: (index, of),
        header_end,
        head_spaces,
        from,
        to: from.checked_add(read)?,
        runs: found
            .out
            .runs
            .iter()
            .map(|&(hash, latest)| (IdHash(hash), latest))
            .collect(),
        places: found.out.places,
        first_id: String::from_utf8(found.first_id).ok()?,
        last_id: String::from_utf8(found.last_id).ok()?,
        rows: found.out.rows,
        lines: found.end.1,
        spaces,
    })
}

/// Reads through the next line's end (or to the end of the text): the bytes passed.
fn through_line_end(r: &mut impl BufRead) -> io::Result<u64> {
    let mut passed = 0u64;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(passed);
        }
        let (n, found) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        r.consume(n);
        passed = passed.saturating_add(n as u64);
        if found {
            return Ok(passed);
        }
    }
}

/// A text from a line's first byte (`at`, in the file) to the end of the last line that begins
/// before `end`.
struct LinesBegun<R> {
    inner: R,
    /// The file's byte read next.
    at: u64,
    end: u64,
    /// The last byte given (a line's end before the first).
    last: u8,
}

impl<R: BufRead> Read for LinesBegun<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() || (self.at >= self.end && self.last == b'\n') {
            return Ok(0);
        }
        let buf = self.inner.fill_buf()?;
        let mut n = buf.len().min(out.len());
        if self.at >= self.end {
            // The rest of the line begun before `end`.
            if let Some(i) = memchr::memchr(b'\n', &buf[..n]) {
                n = i + 1;
            }
        } else {
            n = n.min(usize::try_from(self.end - self.at).unwrap_or(usize::MAX));
        }
        if n == 0 {
            return Ok(0);
        }
        out[..n].copy_from_slice(&buf[..n]);
        self.last = buf[n - 1];
        self.inner.consume(n);
        self.at = self.at.saturating_add(n as u64);
        Ok(n)
    }
}

impl Runs {
    /// The runs of a whole timesheet from its slices, in order ([`timesheet_runs_slice`] of
    /// each of `0..slices.len()`): what one first pass over the file finds. None when they do
    /// not join up (not made from one file, or not every slice).
    pub fn joined(slices: &[RunsSlice]) -> Option<Runs> {
        let first = slices.first()?;
        let mut runs = Runs {
            runs: Vec::new(),
            rows: 0,
            places: Vec::new(),
            header_end: Some(first.header_end),
            complete: true,
            spaces: None,
        };
        let mut spaces = first.head_spaces.clone();
        let mut line = first.header_end.1;
        let mut at = first.from;
        let mut last_id: Option<&str> = None;
        let mut over = false;
        if first.from != source::unblanked(first.header_end.0, &first.head_spaces) {
            return None;
        }
        for (k, s) in slices.iter().enumerate() {
            // A share past the file's end (a size given too large) holds nothing.
            let past_the_end = s.runs.is_empty()
                && s.rows == 0
                && s.lines == 0
                && s.spaces.is_empty()
                && s.to == s.from
                && s.from >= at;
            if s.slice == (k, slices.len()) && past_the_end {
                continue;
            }
            if s.slice != (k, slices.len())
                || s.header_end != first.header_end
                || s.head_spaces != first.head_spaces
                || s.from != at
                || s.to < s.from
                || s.runs.len() != s.places.len()
            {
                return None;
            }
            // Where the slice begins in the text the reader sees: past the spaces before it.
            let shift = s.from.checked_add(spaces.len() as u64)?;
            for (i, (&(hash, latest), &(byte, l))) in s.runs.iter().zip(&s.places).enumerate() {
                if i == 0 && last_id == Some(s.first_id.as_str()) {
                    // The run the slice before ended with goes on.
                    let (_, before) = runs.runs.last_mut()?;
                    *before = (*before).max(latest);
                    continue;
                }
                runs.runs.push((hash.0, latest));
                runs.places
                    .push((shift.checked_add(byte)?, line.checked_add(l)?));
            }
            if !s.runs.is_empty() {
                last_id = Some(&s.last_id);
            }
            // (Past the cap, the spaces are not copied: none are given.)
            if spaces.len().saturating_add(s.spaces.len()) <= source::MAX_BLANKS {
                for &space in &s.spaces {
                    spaces.push(shift.checked_add(space)?);
                }
            } else {
                over = true;
            }
            line = line.checked_add(s.lines)?;
            runs.rows = runs.rows.checked_add(s.rows)?;
            at = s.to;
        }
        runs.spaces = (!over).then_some(spaces);
        Some(runs)
    }
}
