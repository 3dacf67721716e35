//! Radical code points to the ideographs they look like.
//!
//! PDF writers that subset CJK fonts (Chromium's, among others) map each glyph back to one
//! Unicode value for the text layer, and where a font draws a radical and an ideograph with
//! the same glyph they often pick the radical: `⼆⼯⺠⼼` for `二工民心`. The text reads right
//! and searches wrong. Kangxi radicals (U+2F00–U+2FD5) go to their compatibility ideographs (as
//! NFKC does); the CJK Radicals Supplement forms that are whole characters go to them
//! (`⺠` → `民`, `⻔` → `门`); component-only forms (`⺅`, `⺮`) stay.

/// The compatibility ideograph of each Kangxi radical, U+2F00 onwards (NFKC).
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// Supplement radicals that are whole characters, and those characters.
const SUPPLEMENT: &[(char, char)] = &[
    ('⺟', '母'),
    ('⺠', '民'),
    ('⻄', '西'),
    ('⻅', '见'),
    ('⻆', '角'),
    ('⻉', '贝'),
    ('⻋', '车'),
    ('⻑', '長'),
    ('⻓', '长'),
    ('⻔', '门'),
    ('⻘', '青'),
    ('⻙', '韦'),
    ('⻚', '页'),
    ('⻛', '风'),
    ('⻜', '飞'),
    ('⻝', '食'),
    ('⻢', '马'),
    ('⻣', '骨'),
    ('⻤', '鬼'),
    ('⻥', '鱼'),
    ('⻦', '鸟'),
    ('⻧', '卤'),
    ('⻨', '麦'),
    ('⻩', '黄'),
    ('⻪', '黾'),
    ('⻬', '齐'),
    ('⻮', '齿'),
    ('⻰', '龙'),
    ('⻳', '龟'),
];

/// The ideograph a radical code point stands for; other characters unchanged.
pub fn unify_radical(c: char) -> char {
    match c {
        '\u{2F00}'..='\u{2FD5}' => KANGXI.chars().nth(c as usize - 0x2F00).unwrap_or(c),
        '\u{2E80}'..='\u{2EF3}' => SUPPLEMENT
            .iter()
            .find(|(r, _)| *r == c)
            .map_or(c, |&(_, u)| u),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_become_the_ideographs_they_draw() {
        let s: String = "⼆⼯⺠⼼⻔⻓⻘⺅社".chars().map(unify_radical).collect();
        assert_eq!(s, "二工民心门长青⺅社");
        assert_eq!(KANGXI.chars().count(), 0x2FD6 - 0x2F00);
        assert_eq!(unify_radical('\u{2FD5}'), '龠');
    }
}
