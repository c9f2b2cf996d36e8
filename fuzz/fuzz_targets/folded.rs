//! The folded text and its offset map (`Folded::new`, `raw_offset`, `raw_range`), and the tokenizer
//! built on the same folding. The first 16 bytes choose extra ranges to map back; the rest is text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| crosscheck_fuzz::fuzz_folded(data));
