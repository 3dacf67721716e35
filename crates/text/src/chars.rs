//! Character classes the readers and the index share.

/// Is `c` a CJK ideograph (the characters that OCR separates with stray spaces)?
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Chinese (full-width) punctuation, which needs no space around it either.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '“' | '”' | '‘' | '’' | '…' | '—' | '·' | '•')
}

/// Punctuation that ends a sentence (so a line ending with it may end a paragraph).
pub fn ends_sentence(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '!' | '?' | '…' | '”' | '」' | '』' | '；'
    )
}
