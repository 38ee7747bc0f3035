//! The zip container of a .docx, written by vanban.
//!
//! A .docx needs little of zip: deflated entries, no directories, no zip64, no encryption.
//! The zip crate (which vanban keeps for reading) starts a new compressor for every entry, and
//! a compressor's state is a few hundred kilobytes the system must hand over and zero: for
//! one document that was a quarter of the whole process. Here one compressor per thread is
//! reset between entries, and the parts every document shares are deflated once and copied
//! as finished entries ([`Prepared`]). A large part (a long appendix's document.xml) may be
//! deflated on a thread of its own while it is still being written ([`Threads`]); the
//! compressor never runs short of room for its output, so its stream, and the bytes, depend
//! on the input alone.
//!
//! The bytes are those the zip crate wrote with vanban's options: version 2.0, made on Unix,
//! mode 0644, the DOS time 1980-01-01 00:00, sizes and CRC in the local header (no data
//! descriptor), no extra fields, deflate at level 6.

use std::cell::RefCell;
use std::io::{self, Write};
use std::sync::mpsc::SyncSender;
use std::thread::JoinHandle;

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

use super::xml::CHUNK;

/// Local file header signature.
const LOCAL: [u8; 4] = *b"PK\x03\x04";
/// Central directory file header signature.
const CENTRAL: [u8; 4] = *b"PK\x01\x02";
/// End of central directory signature.
const END: [u8; 4] = *b"PK\x05\x06";
/// Version needed to extract: 2.0, deflate.
const VERSION: u16 = 20;
/// Version made by: 2.0 on Unix (host 3), so the mode below is read as Unix permissions.
const MADE_BY: u16 = 3 << 8 | VERSION;
/// Compression method 8, deflate.
const DEFLATE: u16 = 8;
/// DOS date of 1980-01-01 (the earliest a zip can say); the time is 00:00.
const DOS_DATE: u16 = 0x21;
/// A regular file, rw-r--r--, in the high half of the external attributes.
const MODE: u32 = 0o100_644 << 16;
/// Where the CRC starts in a local header: after the signature, version, flags, method,
/// time and date.
const CRC_AT: usize = 14;

thread_local! {
    /// The compressor of this thread, reset between entries and kept between documents.
    static COMPRESSOR: RefCell<Option<Compress>> = const { RefCell::new(None) };
}

/// A deflated entry, ready to be copied into any number of packages.
pub(super) struct Prepared {
    name: String,
    crc: u32,
    size: u32,
    deflated: Vec<u8>,
}

impl Prepared {
    pub(super) fn new(name: &str, bytes: &[u8]) -> io::Result<Prepared> {
        let mut archive = Archive::new();
        let mut entry = archive.entry(name, Threads::One)?;
        entry.write_all(bytes)?;
        let (archive, written) = entry.close()?;
        Ok(Prepared {
            name: name.to_string(),
            crc: written.crc,
            size: written.size,
            deflated: archive.out[written.data_at..].to_vec(),
        })
    }
}

/// What the central directory says of an entry written.
struct Written {
    name: String,
    crc: u32,
    compressed: u32,
    size: u32,
    header_at: usize,
    data_at: usize,
}

/// A zip being written into memory.
pub(super) struct Archive {
    out: Vec<u8>,
    central: Vec<Written>,
    /// This thread's compressor while the archive is written; back to the thread after.
    compressor: Option<Compress>,
}

impl Archive {
    pub(super) fn new() -> Archive {
        Archive {
            out: Vec::new(),
            central: Vec::new(),
            compressor: COMPRESSOR.with_borrow_mut(Option::take),
        }
    }

    /// Adds an entry holding `bytes`.
    pub(super) fn add(&mut self, name: &str, bytes: &[u8]) -> io::Result<()> {
        let mut entry = self.entry(name, Threads::One)?;
        entry.write_all(bytes)?;
        entry.finish()
    }

    /// Starts an entry whose bytes are written into what is returned, deflated as they come.
    pub(super) fn entry(&mut self, name: &str, threads: Threads) -> io::Result<Entry<'_>> {
        let header_at = self.out.len();
        self.local_header(name, 0, 0, 0)?;
        let data_at = self.out.len();
        compressor(&mut self.compressor).reset();
        Ok(Entry {
            archive: self,
            name: name.to_string(),
            crc: Crc::new(),
            size: 0,
            header_at,
            data_at,
            threads,
            beside: None,
        })
    }

    /// Copies a prepared entry as it is.
    pub(super) fn copy(&mut self, entry: &Prepared) -> io::Result<()> {
        let header_at = self.out.len();
        let compressed = length(entry.deflated.len())?;
        self.local_header(&entry.name, entry.crc, compressed, entry.size)?;
        let data_at = self.out.len();
        self.out.extend_from_slice(&entry.deflated);
        self.central.push(Written {
            name: entry.name.clone(),
            crc: entry.crc,
            compressed,
            size: entry.size,
            header_at,
            data_at,
        });
        Ok(())
    }

    /// The zip's bytes, with its central directory.
    pub(super) fn finish(mut self) -> io::Result<Vec<u8>> {
        let directory_at = length(self.out.len())?;
        for entry in &self.central {
            let out = &mut self.out;
            out.extend_from_slice(&CENTRAL);
            put16(out, MADE_BY);
            put16(out, VERSION);
            put16(out, 0); // flags
            put16(out, DEFLATE);
            put16(out, 0); // time
            put16(out, DOS_DATE);
            put32(out, entry.crc);
            put32(out, entry.compressed);
            put32(out, entry.size);
            put16(out, name_length(&entry.name)?);
            put16(out, 0); // extra field length
            put16(out, 0); // comment length
            put16(out, 0); // disk number
            put16(out, 0); // internal attributes
            put32(out, MODE);
            put32(out, length(entry.header_at)?);
            out.extend_from_slice(entry.name.as_bytes());
        }
        let directory_size = length(self.out.len())? - directory_at;
        let count = u16::try_from(self.central.len()).map_err(|_| too_big())?;
        let out = &mut self.out;
        out.extend_from_slice(&END);
        put16(out, 0); // this disk
        put16(out, 0); // the disk where the directory starts
        put16(out, count);
        put16(out, count);
        put32(out, directory_size);
        put32(out, directory_at);
        put16(out, 0); // comment length
        Ok(std::mem::take(&mut self.out))
    }

    fn local_header(&mut self, name: &str, crc: u32, compressed: u32, size: u32) -> io::Result<()> {
        let name_length = name_length(name)?;
        let out = &mut self.out;
        out.extend_from_slice(&LOCAL);
        put16(out, VERSION);
        put16(out, 0); // flags
        put16(out, DEFLATE);
        put16(out, 0); // time
        put16(out, DOS_DATE);
        put32(out, crc);
        put32(out, compressed);
        put32(out, size);
        put16(out, name_length);
        put16(out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// Deflates `input` onto the end of the zip.
    fn deflate(&mut self, input: &[u8], flush: FlushCompress) -> io::Result<()> {
        deflate_into(
            compressor(&mut self.compressor),
            &mut self.out,
            input,
            flush,
        )
    }
}

/// Deflates `input` onto the end of `out`. The room given for the output is more than
/// deflate can ever need for the input, so the compressor never stops for want of it and
/// its stream depends on the input alone (not on where `out` happens to end its capacity,
/// nor on which thread compresses).
fn deflate_into(
    compressor: &mut Compress,
    out: &mut Vec<u8>,
    mut input: &[u8],
    flush: FlushCompress,
) -> io::Result<()> {
    loop {
        out.reserve(input.len() + input.len() / 8 + 1024);
        let before = compressor.total_in();
        let status = compressor
            .compress_vec(input, out, flush)
            .map_err(io::Error::other)?;
        // No more than `input`, so it fits a usize.
        let consumed = (compressor.total_in() - before) as usize;
        input = &input[consumed..];
        let done = match flush {
            FlushCompress::Finish => status == Status::StreamEnd,
            _ => input.is_empty(),
        };
        if done {
            return Ok(());
        }
    }
}

impl Drop for Archive {
    /// The compressor goes back to the thread for the next document.
    fn drop(&mut self) {
        if let Some(compressor) = self.compressor.take() {
            COMPRESSOR.set(Some(compressor));
        }
    }
}

/// An entry being written: its bytes are counted, checked and deflated as they come.
pub(super) struct Entry<'a> {
    archive: &'a mut Archive,
    name: String,
    crc: Crc,
    size: u64,
    header_at: usize,
    data_at: usize,
    /// May the entry's bytes be deflated on a thread of their own ([`Entry::beside`]).
    threads: Threads,
    beside: Option<Beside>,
}

/// Whether a large entry may be deflated on a thread of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Threads {
    /// Only on the thread writing the document (`-j 1`).
    One,
    /// On another thread too, for a large entry.
    Spare,
}

/// A piece as large as those the XML writer hands over while it goes on ([`CHUNK`]) means
/// more of the part may follow: its deflate goes to a thread of its own. A part handed over
/// whole in one smaller piece stays on this thread, where nothing would run beside its
/// deflate.
const BESIDE_FROM: usize = CHUNK;

/// An entry's deflate on a thread of its own, while the part is still being written: the
/// pieces go to it in turn, at most one waiting, so memory stays flat.
struct Beside {
    pieces: SyncSender<Vec<u8>>,
    worker: JoinHandle<io::Result<(Compress, Vec<u8>)>>,
}

impl Beside {
    /// Moves the compressor to a new thread, which deflates the pieces it is sent.
    fn start(mut compressor: Compress) -> io::Result<Beside> {
        let (pieces, received) = std::sync::mpsc::sync_channel::<Vec<u8>>(1);
        let worker = std::thread::Builder::new()
            .name("deflate".into())
            .spawn(move || {
                let mut out = Vec::new();
                for piece in received {
                    deflate_into(&mut compressor, &mut out, &piece, FlushCompress::None)?;
                }
                Ok((compressor, out))
            })?;
        Ok(Beside { pieces, worker })
    }

    /// The compressor and what it deflated, once every piece is through.
    fn join(self) -> io::Result<(Compress, Vec<u8>)> {
        drop(self.pieces);
        self.worker
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the deflate thread stopped")))
    }
}

impl<'a> Entry<'a> {
    /// Ends the entry: it goes into the central directory.
    pub(super) fn finish(self) -> io::Result<()> {
        let (archive, written) = self.close()?;
        archive.central.push(written);
        Ok(())
    }

    /// Ends the deflate stream and writes the CRC and sizes into the local header.
    fn close(self) -> io::Result<(&'a mut Archive, Written)> {
        let archive = self.archive;
        if let Some(beside) = self.beside {
            let (compressor, deflated) = beside.join()?;
            archive.compressor = Some(compressor);
            archive.out.extend_from_slice(&deflated);
        }
        archive.deflate(&[], FlushCompress::Finish)?;
        let compressed = length(archive.out.len() - self.data_at)?;
        let size = u32::try_from(self.size).map_err(|_| too_big())?;
        let crc = self.crc.sum();
        let at = self.header_at + CRC_AT;
        for (i, value) in [crc, compressed, size].into_iter().enumerate() {
            archive.out[at + 4 * i..at + 4 * i + 4].copy_from_slice(&value.to_le_bytes());
        }
        let written = Written {
            name: self.name,
            crc,
            compressed,
            size,
            header_at: self.header_at,
            data_at: self.data_at,
        };
        Ok((archive, written))
    }
}

impl Write for Entry<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.crc.update(buf);
        self.size += buf.len() as u64;
        if self.beside.is_none() && self.threads == Threads::Spare && buf.len() >= BESIDE_FROM {
            let compressor = self.archive.compressor.take();
            self.beside = Some(Beside::start(compressor.unwrap_or_else(new_compressor))?);
        }
        match &self.beside {
            Some(beside) => {
                if beside.pieces.send(buf.to_vec()).is_err() {
                    // The thread stopped: its error is the one to report.
                    return match self.beside.take().map(Beside::join) {
                        Some(Err(e)) => Err(e),
                        _ => Err(io::Error::other("the deflate thread stopped")),
                    };
                }
            }
            None => self.archive.deflate(buf, FlushCompress::None)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The thread's compressor, made for its first document: raw deflate (a zip entry has no
/// zlib header) at the default level, 6.
fn compressor(slot: &mut Option<Compress>) -> &mut Compress {
    slot.get_or_insert_with(new_compressor)
}

fn new_compressor() -> Compress {
    Compress::new(Compression::default(), false)
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// A size or offset as a zip without zip64 holds it.
fn length(n: usize) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| too_big())
}

fn name_length(name: &str) -> io::Result<u16> {
    u16::try_from(name.len()).map_err(|_| too_big())
}

fn too_big() -> io::Error {
    io::Error::other("the document is larger than a zip without zip64 holds (4 GiB)")
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    /// A zip of two parts, the second written in pieces as document.xml is.
    fn sample() -> Vec<u8> {
        let prepared = Prepared::new("word/styles.xml", b"<w:styles/>").unwrap();
        let mut archive = Archive::new();
        archive.add("[Content_Types].xml", b"<Types/>").unwrap();
        let mut entry = archive.entry("word/document.xml", Threads::One).unwrap();
        for i in 0..5000 {
            write!(entry, "<w:p>Đoạn {i}</w:p>").unwrap();
        }
        entry.finish().unwrap();
        archive.copy(&prepared).unwrap();
        archive.finish().unwrap()
    }

    #[test]
    fn another_reader_finds_every_part_with_its_bytes_mode_and_date() {
        let mut zip = zip::ZipArchive::new(Cursor::new(sample())).unwrap();
        let names: Vec<&str> = zip.file_names().collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "word/document.xml",
                "word/styles.xml"
            ]
        );
        let mut document = String::new();
        let mut part = zip.by_name("word/document.xml").unwrap();
        part.read_to_string(&mut document).unwrap();
        assert!(document.starts_with("<w:p>Đoạn 0</w:p>"));
        assert!(document.ends_with("<w:p>Đoạn 4999</w:p>"));
        assert_eq!(part.compression(), zip::CompressionMethod::Deflated);
        assert_eq!(part.unix_mode(), Some(0o100_644));
        let date = part.last_modified().unwrap();
        assert_eq!((date.year(), date.month(), date.day()), (1980, 1, 1));
        drop(part);
        let mut styles = Vec::new();
        zip.by_name("word/styles.xml")
            .unwrap()
            .read_to_end(&mut styles)
            .unwrap();
        assert_eq!(styles, b"<w:styles/>");
    }

    /// A zip with a part of several MiB, handed over in pieces of 1 MiB as the XML writer
    /// does.
    fn large(threads: Threads) -> Vec<u8> {
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 5 * 1024 * 1024 + 12_345 {
            text.push_str(&format!("<w:tc><w:p><w:t>Nhiệm vụ {i}</w:t></w:p></w:tc>"));
            i += 7919;
        }
        let mut archive = Archive::new();
        archive.add("[Content_Types].xml", b"<Types/>").unwrap();
        let mut entry = archive.entry("word/document.xml", threads).unwrap();
        for piece in text.as_bytes().chunks(1024 * 1024) {
            entry.write_all(piece).unwrap();
        }
        assert_eq!(entry.beside.is_some(), threads == Threads::Spare);
        entry.finish().unwrap();
        let zip = archive.finish().unwrap();
        let mut read = String::new();
        zip::ZipArchive::new(Cursor::new(&zip))
            .unwrap()
            .by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut read)
            .unwrap();
        assert!(read == text, "the part reads back as written");
        zip
    }

    #[test]
    fn a_large_part_deflated_on_its_own_thread_gives_the_same_bytes() {
        assert_eq!(large(Threads::Spare), large(Threads::One));
    }

    #[test]
    fn a_reused_compressor_gives_the_bytes_of_a_new_one() {
        let first = sample();
        assert_eq!(sample(), first, "the same thread, its compressor reused");
        let fresh = std::thread::spawn(sample).join().unwrap();
        assert_eq!(fresh, first, "a new thread, a new compressor");
    }
}
