//! The contact sheet of `vanban preview --sheet`: a document's pages side by side in one
//! image, for a look at page flow (where a table breaks, where a page ends half empty). Pages
//! sit in a grid of equal cells, as wide as the widest page and as tall as the tallest, so a
//! landscape page shows as one; a grey margin separates them. The image is encoded one grid
//! row at a time, so a long document at a high resolution never holds the whole sheet in
//! memory, and the same pages always give the same bytes.

use std::io::BufReader;
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::messages::Preview as Said;

/// The grey around and between pages.
const BACKGROUND: u8 = 0x9a;

/// Where the pages of a sheet go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Grid {
    pub columns: u32,
    pub rows: u32,
    pub cell_width: u32,
    pub cell_height: u32,
    /// Margin around and between cells, in pixels.
    pub gap: u32,
}

impl Grid {
    /// Up to four pages on one row; more pages make a near-square grid of at least four
    /// columns. The gap is an eighth of an inch (at least 4 pixels).
    pub(super) fn new(sizes: &[(u32, u32)], dpi: u32) -> Grid {
        let count = u32::try_from(sizes.len()).unwrap_or(u32::MAX).max(1);
        let columns = if count <= 4 {
            count
        } else {
            ceil_sqrt(count).max(4)
        };
        Grid {
            columns,
            rows: count.div_ceil(columns),
            cell_width: sizes.iter().map(|s| s.0).max().unwrap_or(1),
            cell_height: sizes.iter().map(|s| s.1).max().unwrap_or(1),
            gap: (dpi / 8).max(4),
        }
    }

    /// Width and height of the whole sheet.
    pub(super) fn size(&self) -> (u32, u32) {
        (
            self.columns * self.cell_width + (self.columns + 1) * self.gap,
            self.rows * self.cell_height + (self.rows + 1) * self.gap,
        )
    }
}

/// The least `c` with `c * c >= n`.
fn ceil_sqrt(n: u32) -> u32 {
    let root = n.isqrt();
    if root * root < n { root + 1 } else { root }
}

/// One page decoded to 8-bit RGB.
struct Rgb {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

/// The PNG bytes of a sheet of `pages` (PNG files, in order) rasterised at `dpi`.
pub(super) fn compose(pages: &[PathBuf], dpi: u32) -> Result<Vec<u8>, Error> {
    let sizes = pages
        .iter()
        .map(|p| super::raster::size(p))
        .collect::<Result<Vec<_>, _>>()?;
    let grid = Grid::new(&sizes, dpi);
    let (width, height) = grid.size();
    let fail = |e: png::EncodingError| {
        let detail = e.to_string();
        Error::output(Path::new("sheet.png"), Said::CannotEncode { detail })
    };
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(fail)?;
    let mut stream = writer.stream_writer().map_err(fail)?;
    let line = usize::try_from(width).unwrap_or(usize::MAX) * 3;
    let gap_rows = vec![BACKGROUND; line * grid.gap as usize];
    let write = |stream: &mut png::StreamWriter<'_, &mut Vec<u8>>, data: &[u8]| {
        std::io::Write::write_all(stream, data)
            .map_err(|e| Error::output_io(Path::new("sheet.png"), &e))
    };
    write(&mut stream, &gap_rows)?;
    for row in pages.chunks(grid.columns as usize) {
        let mut band = vec![BACKGROUND; line * grid.cell_height as usize];
        for (column, page) in (0u32..).zip(row) {
            let page = decode(page)?;
            let left = grid.gap + column * (grid.cell_width + grid.gap);
            let left = (left + (grid.cell_width - page.width) / 2) as usize * 3;
            let page_line = page.width as usize * 3;
            for (y, source) in page
                .pixels
                .chunks(page_line)
                .take(page.height as usize)
                .enumerate()
            {
                band[y * line + left..y * line + left + page_line].copy_from_slice(source);
            }
        }
        write(&mut stream, &band)?;
        write(&mut stream, &gap_rows)?;
    }
    stream.finish().map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(bytes)
}

/// Decodes a page image to 8-bit RGB, whatever colour type the rasteriser wrote.
fn decode(path: &Path) -> Result<Rgb, Error> {
    let fail = |message: Said| Error::output(path, message);
    let file = std::fs::File::open(path).map_err(|e| Error::output_io(path, &e))?;
    let mut decoder = png::Decoder::new(BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| {
        let detail = e.to_string();
        fail(Said::NotPng { detail })
    })?;
    let mut buffer = vec![0; reader.output_buffer_size().unwrap_or(0)];
    let frame = reader.next_frame(&mut buffer).map_err(|e| {
        let detail = e.to_string();
        fail(Said::CannotDecode { detail })
    })?;
    buffer.truncate(frame.buffer_size());
    let pixels = match frame.color_type {
        png::ColorType::Rgb => buffer,
        png::ColorType::Rgba => buffer
            .chunks(4)
            .flat_map(|p| [p[0], p[1], p[2]].map(|c| over_white(c, p[3])))
            .collect(),
        png::ColorType::Grayscale => buffer.iter().flat_map(|&g| [g, g, g]).collect(),
        png::ColorType::GrayscaleAlpha => buffer
            .chunks(2)
            .flat_map(|p| [over_white(p[0], p[1]); 3])
            .collect(),
        png::ColorType::Indexed => return Err(fail(Said::IndexedColours)),
    };
    Ok(Rgb {
        width: frame.width,
        height: frame.height,
        pixels,
    })
}

/// A colour channel with its alpha, put on white paper.
fn over_white(channel: u8, alpha: u8) -> u8 {
    let (c, a) = (u32::from(channel), u32::from(alpha));
    u8::try_from((c * a + 255 * (255 - a) + 127) / 255).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn few_pages_sit_on_one_row_and_many_make_a_grid() {
        let columns = |n: usize| Grid::new(&vec![(10, 14); n], 80).columns;
        assert_eq!([1, 2, 3, 4].map(columns), [1, 2, 3, 4]);
        assert_eq!([5, 16, 17, 25, 46].map(columns), [4, 4, 5, 5, 7]);
        let grid = Grid::new(&[(10, 14); 5], 80);
        assert_eq!(grid.rows, 2);
    }

    #[test]
    fn cells_fit_portrait_and_landscape_pages() {
        let grid = Grid::new(&[(579, 819), (819, 579)], 80);
        assert_eq!(
            (grid.cell_width, grid.cell_height, grid.gap),
            (819, 819, 10)
        );
        assert_eq!(grid.size(), (2 * 819 + 3 * 10, 819 + 2 * 10));
    }

    fn page(dir: &Path, name: &str, width: u32, height: u32, value: u8) -> PathBuf {
        let path = dir.join(name);
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Grayscale);
        let mut writer = encoder.write_header().unwrap();
        writer
            .write_image_data(&vec![value; (width * height) as usize])
            .unwrap();
        writer.finish().unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn a_sheet_places_each_page_in_its_cell_and_is_deterministic() {
        let dir = tempfile::tempdir().unwrap();
        let pages = [
            page(dir.path(), "1.png", 6, 8, 255),
            page(dir.path(), "2.png", 8, 6, 0),
        ];
        let bytes = compose(&pages, 32).unwrap();
        assert_eq!(bytes, compose(&pages, 32).unwrap());
        let path = dir.path().join("sheet.png");
        std::fs::write(&path, &bytes).unwrap();
        let sheet = decode(&path).unwrap();
        // gap 4, cells 8 × 8: the portrait page is centred in the first cell (1 px each side).
        assert_eq!((sheet.width, sheet.height), (2 * 8 + 3 * 4, 8 + 2 * 4));
        let at = |x: u32, y: u32| sheet.pixels[((y * sheet.width + x) * 3) as usize];
        assert_eq!(at(0, 0), BACKGROUND);
        assert_eq!(at(4, 4), BACKGROUND);
        assert_eq!(at(5, 4), 255);
        assert_eq!(at(10, 11), 255);
        assert_eq!(at(16, 4), 0);
        assert_eq!(at(23, 9), 0);
        assert_eq!(at(16, 10), BACKGROUND);
    }
}
