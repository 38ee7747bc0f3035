//! The zip container of a .docx, written by vanban.
//!
//! A .docx needs little of zip: deflated entries, no directories, no zip64, no encryption.
//! The zip crate (which vanban keeps for reading) starts a new compressor for every entry, and
//! a compressor's state is a few hundred kilobytes the system must hand over and zero: for
//! one document that was a quarter of the whole process. Here one compressor per thread is
//! reset between entries, and the parts every document shares are deflated once and copied
//! as finished entries ([`Prepared`]).
//!
//! The bytes are those the zip crate wrote with vanban's options: version 2.0, made on Unix,
//! mode 0644, the DOS time 1980-01-01 00:00, sizes and CRC in the local header (no data
//! descriptor), no extra fields, deflate at level 6.

use std::cell::RefCell;
use std::io::{self, Write};

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

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
        let mut entry = archive.entry(name)?;
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
        let mut entry = self.entry(name)?;
        entry.write_all(bytes)?;
        entry.finish()
    }

    /// Starts an entry whose bytes are written into what is returned, deflated as they come.
    pub(super) fn entry(&mut self, name: &str) -> io::Result<Entry<'_>> {
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
    fn deflate(&mut self, mut input: &[u8], flush: FlushCompress) -> io::Result<()> {
        loop {
            self.out.reserve(input.len() / 2 + 256);
            let compressor = compressor(&mut self.compressor);
            let before = compressor.total_in();
            let status = compressor
                .compress_vec(input, &mut self.out, flush)
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
        self.archive.deflate(buf, FlushCompress::None)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The thread's compressor, made for its first document: raw deflate (a zip entry has no
/// zlib header) at the default level, 6.
fn compressor(slot: &mut Option<Compress>) -> &mut Compress {
    slot.get_or_insert_with(|| Compress::new(Compression::default(), false))
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
        let mut entry = archive.entry("word/document.xml").unwrap();
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

    #[test]
    fn a_reused_compressor_gives_the_bytes_of_a_new_one() {
        let first = sample();
        assert_eq!(sample(), first, "the same thread, its compressor reused");
        let fresh = std::thread::spawn(sample).join().unwrap();
        assert_eq!(fresh, first, "a new thread, a new compressor");
    }
}
