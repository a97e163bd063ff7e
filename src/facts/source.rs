//! A table file's bytes as the readers take them: its encoding found (UTF-8 with or without a
//! byte-order mark, UTF-16 with one, as Excel's "Unicode text" saves, or Windows-1251, as a
//! Russian-locale Excel saves CSV) and decoded to UTF-8 as it is read, and its delimiter found;
//! a spreadsheet (`.xlsx`, `.xls`, `.ods`) read as the CSV of its first sheet.
//!
//! Builds without the `encodings` or `spreadsheets` feature (the page's first module) refuse
//! such files with a message; the page's worker sends them to the module built with both.

use serde::Serialize;
use std::io::{self, Read};

/// Bytes looked at to tell a file's encoding and delimiter.
pub(super) const HEAD: usize = 64 * 1024;

/// Lines looked at to tell the delimiter.
const HEAD_LINES: usize = 30;

/// The delimiters a CSV file may use.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// A text file's encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Charset {
    /// UTF-8 (with or without a byte-order mark).
    #[serde(rename = "UTF-8")]
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    #[serde(rename = "UTF-16LE")]
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    #[serde(rename = "UTF-16BE")]
    Utf16Be,
    /// Windows-1251 (Cyrillic): a file that is not UTF-8.
    #[serde(rename = "Windows-1251")]
    Windows1251,
}

impl Charset {
    /// Its usual name.
    pub fn name(self) -> &'static str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Utf16Le => "UTF-16LE",
            Charset::Utf16Be => "UTF-16BE",
            Charset::Windows1251 => "Windows-1251",
        }
    }
}

/// How a table file is written: what a first look at it found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dialect {
    /// Its encoding (a spreadsheet's cells are read as UTF-8).
    pub charset: Charset,
    /// Its delimiter (`,` `;` tab `|`; a spreadsheet's CSV is `,`).
    pub delimiter: char,
    /// The sheet read, for a spreadsheet.
    pub sheet: Option<String>,
    /// Every sheet, for a spreadsheet.
    pub sheets: Vec<String>,
}

/// True when the bytes begin as a spreadsheet does: a ZIP archive (`.xlsx`, `.ods`) or an OLE
/// compound file (`.xls`).
pub fn is_spreadsheet(head: &[u8]) -> bool {
    head.starts_with(b"PK\x03\x04")
        || head.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
}

/// The encoding of a head and the length of its byte-order mark.
fn charset(head: &[u8]) -> (Charset, usize) {
    if head.starts_with(&[0xef, 0xbb, 0xbf]) {
        (Charset::Utf8, 3)
    } else if head.starts_with(&[0xff, 0xfe]) {
        (Charset::Utf16Le, 2)
    } else if head.starts_with(&[0xfe, 0xff]) {
        (Charset::Utf16Be, 2)
    } else {
        match std::str::from_utf8(head) {
            Ok(_) => (Charset::Utf8, 0),
            // Cut in the middle of a character by the head's end: still UTF-8.
            Err(e) if e.error_len().is_none() => (Charset::Utf8, 0),
            Err(_) => (Charset::Windows1251, 0),
        }
    }
}

/// True when a file's bytes need the `encodings` or `spreadsheets` feature to be read: a
/// spreadsheet, UTF-16 or Windows-1251 (the page sends such files to its larger module).
pub fn needs_more_than_utf8(head: &[u8]) -> bool {
    is_spreadsheet(head) || charset(head).0 != Charset::Utf8
}

/// Reads the head of `input`, finds its encoding and delimiter, and gives back the whole input
/// decoded to UTF-8 (without a byte-order mark). A UTF-8 file's bytes pass through unchanged,
/// so a bad byte past the head is reported at its row by the CSV reader, not replaced. A
/// spreadsheet is read whole and its first sheet given as CSV.
pub fn sniff<'a, R: Read + Send + 'a>(
    mut input: R,
) -> io::Result<(Dialect, Box<dyn Read + Send + 'a>)> {
    let mut head = Vec::with_capacity(4096);
    (&mut input).take(HEAD as u64).read_to_end(&mut head)?;
    if is_spreadsheet(&head) {
        return spreadsheet(head, input);
    }
    let (charset, bom) = charset(&head);
    let text = decode_head(charset, &head[bom..])?;
    let delimiter = char::from(delimiter(&text));
    let dialect = Dialect {
        charset,
        delimiter,
        sheet: None,
        sheets: Vec::new(),
    };
    let mut whole = io::Cursor::new(head).chain(input);
    if charset == Charset::Utf8 {
        io::copy(&mut (&mut whole).take(bom as u64), &mut io::sink())?;
        return Ok((dialect, Box::new(whole)));
    }
    Ok((dialect, decoder(charset, whole)?))
}

#[cfg(feature = "spreadsheets")]
fn spreadsheet<'a, R: Read + Send + 'a>(
    mut head: Vec<u8>,
    mut rest: R,
) -> io::Result<(Dialect, Box<dyn Read + Send + 'a>)> {
    rest.read_to_end(&mut head)?;
    let read = super::sheet::to_csv(&head, None)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    Ok((
        Dialect {
            charset: Charset::Utf8,
            delimiter: ',',
            sheet: Some(read.sheet),
            sheets: read.sheets,
        },
        Box::new(io::Cursor::new(read.csv)),
    ))
}

#[cfg(not(feature = "spreadsheets"))]
fn spreadsheet<'a, R: Read + Send + 'a>(
    _head: Vec<u8>,
    _rest: R,
) -> io::Result<(Dialect, Box<dyn Read + Send + 'a>)> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "a spreadsheet: this build of ereje reads CSV only",
    ))
}

/// A text with its blank lines made lines of one space. The csv crate passes over blank lines
/// but numbers the row after them from where they began; with a space every row keeps its own
/// line (the readers pass over rows whose cells are all blank).
pub struct Unblank<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    /// The last byte given was a line's end (or none was given yet).
    line_start: bool,
    /// Bytes given so far.
    given: u64,
    /// Where the spaces were put, when asked.
    log: Option<BlankLog>,
}

impl<R: Read> Unblank<R> {
    /// Reads `inner` so.
    pub fn new(inner: R) -> Self {
        Unblank {
            inner,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            pos: 0,
            len: 0,
            line_start: true,
            given: 0,
            log: None,
        }
    }

    /// Reads `inner` so, writing down in `log` where each space is put.
    pub fn logged(inner: R, log: BlankLog) -> Self {
        Unblank {
            log: Some(log),
            ..Unblank::new(inner)
        }
    }
}

/// Spaces written down at most by a [`BlankLog`] (8 MB): a file with more blank lines than
/// this is read through by the parts of a check.
pub(super) const MAX_BLANKS: usize = 1 << 20;

/// Where an [`Unblank`] put its spaces (their places in the text it gave, in order): a place
/// in that text less the spaces before it is a place in the file's text ([`unblanked`]).
#[derive(Clone, Debug, Default)]
pub struct BlankLog(std::sync::Arc<std::sync::Mutex<Blanks>>);

/// The spaces a [`BlankLog`] holds.
#[derive(Debug, Default)]
struct Blanks {
    at: Vec<u64>,
    /// More than [`MAX_BLANKS`] were put: not all are written down.
    over: bool,
}

impl BlankLog {
    fn put(&self, at: u64) {
        if let Ok(mut b) = self.0.lock() {
            if b.at.len() < MAX_BLANKS {
                b.at.push(at);
            } else {
                b.over = true;
            }
        }
    }

    /// Where the spaces were put, if every one was written down (taken: the log is left
    /// empty, so that the list is not held twice).
    pub fn take_spaces(&self) -> Option<Vec<u64>> {
        let mut b = self.0.lock().ok()?;
        let at = std::mem::take(&mut b.at);
        (!b.over).then_some(at)
    }
}

/// A place in the text an [`Unblank`] gave, in the text it read: less the spaces it put before
/// it (`spaces`, in order, from [`BlankLog::spaces`]).
pub fn unblanked(place: u64, spaces: &[u64]) -> u64 {
    place.saturating_sub(spaces.partition_point(|&s| s < place) as u64)
}

impl<R: Read> Read for Unblank<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        if self.pos == self.len {
            self.len = self.inner.read(&mut self.buf)?;
            self.pos = 0;
            if self.len == 0 {
                return Ok(0);
            }
        }
        let mut n = 0;
        while n < out.len() && self.pos < self.len {
            let rest = &self.buf[self.pos..self.len];
            if self.line_start && rest.first() == Some(&b'\n') {
                out[n] = b' ';
                if let Some(log) = &self.log {
                    log.put(self.given.saturating_add(n as u64));
                }
                self.line_start = false;
                n += 1;
                continue;
            }
            // Copied as it is up to the next blank line (through the line break before it),
            // a run at a time: the bytes of a large file pass here once for each pass.
            let room = rest.len().min(out.len() - n);
            let within = &rest[..room];
            let run = memchr::memmem::find(within, b"\n\n").map_or(room, |at| at + 1);
            out[n..n + run].copy_from_slice(&rest[..run]);
            n += run;
            self.pos += run;
            self.line_start = rest[run - 1] == b'\n';
        }
        self.given = self.given.saturating_add(n as u64);
        Ok(n)
    }
}

/// Where a part of a check reads a grouped timesheet (a check split across the page's workers,
/// each judging a run of the roster): its header, then its own employees' rows only. Places
/// are bytes of the text as the reader sees it (decoded, blank lines made spaces), found by the
/// first pass ([`super::Runs::window`]); the rows passed over are counted and reported by the
/// parts that read them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// Where the header ends.
    pub header_end: u64,
    /// Where the part's rows begin (at or after `header_end`).
    pub resume: u64,
    /// Where they end (none: at the end of the file).
    pub stop: Option<u64>,
    /// Lines passed over between the header and `resume`: added to the lines the reader counts,
    /// so that a row is named by its line in the file.
    pub lines: u64,
    /// Where the part's rows begin in the decoded text before its blank lines are made spaces
    /// (`resume` less the spaces put before it), when the first pass knows it: a UTF-8 file is
    /// then opened again there ([`seek_window`]) rather than read through.
    pub resume_unblanked: Option<u64>,
}

/// A text read through a [`Window`].
pub struct Windowed<R> {
    inner: R,
    window: Window,
    /// Bytes of `inner` read so far.
    at: u64,
}

impl<R: Read> Windowed<R> {
    /// Reads `inner` through `window`.
    pub fn new(inner: R, window: Window) -> Self {
        Windowed {
            inner,
            window,
            at: 0,
        }
    }
}

impl<R: Read> Read for Windowed<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let Window {
            header_end,
            resume,
            stop,
            ..
        } = self.window;
        if self.at >= header_end && self.at < resume {
            // The rows of the parts before: passed over unparsed.
            let mut scratch = vec![0u8; 1 << 16];
            while self.at < resume {
                let want = usize::try_from(resume - self.at)
                    .unwrap_or(usize::MAX)
                    .min(scratch.len());
                let n = self.inner.read(&mut scratch[..want])?;
                if n == 0 {
                    return Ok(0);
                }
                self.at += n as u64;
            }
        }
        let end = if self.at < header_end {
            header_end
        } else {
            stop.unwrap_or(u64::MAX)
        };
        let room = usize::try_from(end.saturating_sub(self.at))
            .unwrap_or(usize::MAX)
            .min(out.len());
        if room == 0 {
            return Ok(0);
        }
        let n = self.inner.read(&mut out[..room])?;
        self.at += n as u64;
        Ok(n)
    }
}

/// A file to be read through `window` as [`Windowed`] reads it, without reading the rows it
/// passes over where the file allows: a UTF-8 file's decoded text is its bytes past a
/// byte-order mark, so the head (the [`HEAD`] bytes its encoding and delimiter are found in,
/// and the header) can be followed by the file opened again by `open_at` at the window's first
/// row (`resume_unblanked`, past the mark). In the page, a part of a check then asks the
/// browser for the head (a 4 MB slice) and its own rows, not for the rows before them. Any
/// other file, a window without that place, and one whose rows begin within the head are read
/// from the start. Gives the bytes to read and the window to read them through.
pub fn seek_window<'a, R: Read + Send + 'a>(
    open_at: &dyn Fn(u64) -> io::Result<R>,
    window: Window,
) -> io::Result<(Box<dyn Read + Send + 'a>, Window)> {
    let mut whole = open_at(0)?;
    // The head and the header, with room for a byte-order mark (the header's end is a place
    // in the text, at or after its place in the file).
    let keep = window.header_end.saturating_add(3).max(HEAD as u64);
    let mut head = Vec::new();
    (&mut whole).take(keep).read_to_end(&mut head)?;
    let bom: usize = match head.starts_with(&[0xef, 0xbb, 0xbf]) {
        true => 3,
        false => 0,
    };
    let utf8 = !needs_more_than_utf8(head.get(..HEAD).unwrap_or(&head));
    let past_head = window
        .resume_unblanked
        .filter(|&r| utf8 && r > head.len().saturating_sub(bom) as u64);
    let Some(resume_unblanked) = past_head else {
        return Ok((Box::new(io::Cursor::new(head).chain(whole)), window));
    };
    drop(whole);
    // Where the head's text ends, its blank lines made spaces as the reader makes them.
    let head_text = io::copy(
        &mut Unblank::new(head.get(bom..).unwrap_or_default()),
        &mut io::sink(),
    )?;
    // The rows begin at a row that is not blank (a run's first), so the reader makes the same
    // text of them whatever came before.
    let rows = open_at(resume_unblanked.saturating_add(bom as u64))?;
    let window = Window {
        resume: head_text,
        stop: window
            .stop
            .map(|s| s.saturating_sub(window.resume).saturating_add(head_text)),
        resume_unblanked: None,
        ..window
    };
    Ok((Box::new(io::Cursor::new(head).chain(rows)), window))
}

/// The head as text, to find the delimiter in.
fn decode_head(charset: Charset, head: &[u8]) -> io::Result<String> {
    #[cfg(feature = "encodings")]
    let text = match charset {
        Charset::Utf8 => String::from_utf8_lossy(head).into_owned(),
        Charset::Utf16Le => encoding_rs::UTF_16LE
            .decode_without_bom_handling(head)
            .0
            .into_owned(),
        Charset::Utf16Be => encoding_rs::UTF_16BE
            .decode_without_bom_handling(head)
            .0
            .into_owned(),
        Charset::Windows1251 => encoding_rs::WINDOWS_1251
            .decode_without_bom_handling(head)
            .0
            .into_owned(),
    };
    #[cfg(not(feature = "encodings"))]
    let text = match charset {
        Charset::Utf8 => String::from_utf8_lossy(head).into_owned(),
        other => return Err(unreadable(other)),
    };
    Ok(text)
}

#[cfg(feature = "encodings")]
fn decoder<'a, R: Read + Send + 'a>(
    charset: Charset,
    whole: R,
) -> io::Result<Box<dyn Read + Send + 'a>> {
    let encoding = match charset {
        Charset::Utf8 => encoding_rs::UTF_8,
        Charset::Utf16Le => encoding_rs::UTF_16LE,
        Charset::Utf16Be => encoding_rs::UTF_16BE,
        Charset::Windows1251 => encoding_rs::WINDOWS_1251,
    };
    Ok(Box::new(
        encoding_rs_io::DecodeReaderBytesBuilder::new()
            .encoding(Some(encoding))
            .bom_override(false)
            .strip_bom(true)
            .build(whole),
    ))
}

#[cfg(not(feature = "encodings"))]
fn decoder<'a, R: Read + Send + 'a>(
    charset: Charset,
    _whole: R,
) -> io::Result<Box<dyn Read + Send + 'a>> {
    Err(unreadable(charset))
}

#[cfg(not(feature = "encodings"))]
fn unreadable(charset: Charset) -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        format!(
            "in {}: this build of ereje reads UTF-8 only",
            charset.name()
        ),
    )
}

/// The delimiter of a CSV head: of `,` `;` tab `|`, the one found the same number of times
/// (outside quotes) on the most lines — a decimal comma inside a `;` file is not; Excel pads
/// title rows with delimiters too. A file with none of them is read with `,`.
fn delimiter(head: &str) -> u8 {
    let lines: Vec<&str> = head
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEAD_LINES)
        .collect();
    let mut best = (0usize, 0usize, b',');
    for d in DELIMITERS {
        let counts: Vec<usize> = lines.iter().map(|l| outside_quotes(l, d)).collect();
        // The most frequent non-zero count, and on how many lines.
        let mut modal = (0usize, 0usize);
        for &c in counts.iter().filter(|c| **c > 0) {
            let lines_with = counts.iter().filter(|x| **x == c).count();
            if (lines_with, c) > modal {
                modal = (lines_with, c);
            }
        }
        if (modal.0, modal.1) > (best.0, best.1) {
            best = (modal.0, modal.1, d);
        }
    }
    best.2
}

/// How many times `d` occurs in a line outside double quotes.
fn outside_quotes(line: &str, d: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == d && !quoted {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (Dialect, String) {
        let (dialect, mut r) = sniff(bytes).expect("reads");
        let mut s = String::new();
        r.read_to_string(&mut s).expect("decoded");
        (dialect, s)
    }

    /// All that `r` gives, asked for `piece` bytes at a time.
    fn in_pieces(mut r: impl Read, piece: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut buf = vec![0; piece];
        loop {
            let n = r.read(&mut buf).expect("reads");
            if n == 0 {
                return out;
            }
            out.extend_from_slice(&buf[..n]);
        }
    }

    /// A window gives the header, then its rows alone, read in pieces of any size.
    #[test]
    fn a_window_reads_the_header_and_its_own_rows() {
        let text = b"id,h\nA,1\nB,2\nB,3\nC,4\n";
        let window = |resume, stop| Window {
            header_end: 5,
            resume,
            stop,
            lines: 0,
            resume_unblanked: None,
        };
        for (w, expected) in [
            (window(9, Some(17)), "id,h\nB,2\nB,3\n"),
            (window(5, Some(9)), "id,h\nA,1\n"),
            (window(17, None), "id,h\nC,4\n"),
            (window(5, Some(5)), "id,h\n"),
            (window(30, None), "id,h\n"),
        ] {
            for piece in [1, 3, 64] {
                let out = in_pieces(Windowed::new(&text[..], w), piece);
                assert_eq!(String::from_utf8_lossy(&out), expected, "{w:?}, {piece}");
            }
        }
    }

    #[test]
    fn utf8_with_and_without_a_mark() {
        let (d, s) = read("\u{feff}Дата;Часы\n01.03.2026;8,5\n".as_bytes());
        assert_eq!((d.charset, d.delimiter), (Charset::Utf8, ';'));
        assert_eq!(s, "Дата;Часы\n01.03.2026;8,5\n");
        let (d, s) = read(b"a,b\n1,2\n");
        assert_eq!((d.charset, d.delimiter), (Charset::Utf8, ','));
        assert_eq!(s, "a,b\n1,2\n");
    }

    #[test]
    #[cfg(feature = "encodings")]
    fn windows_1251_and_utf16() {
        use encoding_rs::WINDOWS_1251;
        let text = "Табельный номер;Дата\r\nE1;02.03.2026\r\n";
        let (bytes, _, _) = WINDOWS_1251.encode(text);
        let (d, s) = read(&bytes);
        assert_eq!((d.charset, d.delimiter), (Charset::Windows1251, ';'));
        assert_eq!(s, text);
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in text.replace(';', "\t").encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        let (d, s) = read(&le);
        assert_eq!((d.charset, d.delimiter), (Charset::Utf16Le, '\t'));
        assert_eq!(s, text.replace(';', "\t"));
        let (d, s) = read(&be);
        assert_eq!((d.charset, d.delimiter), (Charset::Utf16Be, '\t'));
        assert_eq!(s, text.replace(';', "\t"));
    }

    #[test]
    fn blank_lines_become_a_space() {
        for chunk in [1, 2, 3, 64] {
            let out = in_pieces(Unblank::new(b"\n\na\n\n\nb\r\n\r\nc".as_slice()), chunk);
            assert_eq!(out, b" \n \na\n \n \nb\r\n\r\nc", "chunk {chunk}");
        }
    }

    proptest::proptest! {
        /// Read a run at a time, any text reads as if each byte were looked at in turn.
        #[test]
        fn blank_lines_become_a_space_however_read(
            text in proptest::collection::vec(proptest::sample::select(b"\n\ra,".to_vec()), 0..200),
            chunk in 1usize..70,
        ) {
            let mut want = Vec::new();
            let mut line_start = true;
            for &b in &text {
                if b == b'\n' && line_start {
                    want.push(b' ');
                }
                want.push(b);
                line_start = b == b'\n';
            }
            let mut r = Unblank::new(text.as_slice());
            let (mut out, mut buf) = (Vec::new(), vec![0; chunk]);
            loop {
                let n = r.read(&mut buf).expect("read");
                if n == 0 {
                    break;
                }
                out.extend_from_slice(&buf[..n]);
            }
            proptest::prop_assert_eq!(out, want);
        }
    }

    #[test]
    fn the_delimiter_that_splits_every_line_alike() {
        assert_eq!(delimiter("id;hours\nE1;8,5\nE2;7,25\n"), b';');
        assert_eq!(delimiter("id|hours\nE1|8\n"), b'|');
        assert_eq!(
            delimiter("Табель за март 2026;;;\nid;a;b;c\nE1;1;2;3\n"),
            b';'
        );
        assert_eq!(delimiter("id,name\n1,\"Ivanov; Ivan\"\n"), b',');
        assert_eq!(delimiter("only one column\n"), b',');
    }
}
