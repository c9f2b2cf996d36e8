//! Front matter, date line and metadata: `crosscheck::corpus::document_from_text` on any bytes,
//! with every reported problem's span checked and rendered as the command line renders it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| crosscheck_fuzz::fuzz_document(data));
