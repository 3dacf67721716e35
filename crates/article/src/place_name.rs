//! The short forms people write for the names of China's administrative divisions:
//! 上海市 → 上海, 闵行区 → 闵行, 内蒙古自治区 → 内蒙古, 秀山土家族苗族自治县 → 秀山,
//! 东乡族自治县 → 东乡, 大朗镇 → 大朗. Extraction finds places by them; search finds an
//! article's region by them.

/// Suffixes that short forms drop, longest first.
const SUFFIXES: [&str; 18] = [
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "地区",
    "新区",
    "林区",
    "省",
    "市",
    "区",
    "县",
    "盟",
    "旗",
    "镇",
    "乡",
    "街道",
    "苏木",
];

/// Suffixes of autonomous prefectures, counties and banners, whose short form also drops the
/// peoples named before them (秀山土家族苗族自治县 → 秀山).
const AUTONOMOUS: [&str; 3] = ["自治州", "自治县", "自治旗"];

/// The peoples of China, as named in autonomous divisions (longest first where one ends another).
const PEOPLES: [&str; 56] = [
    "蒙古族",
    "回族",
    "藏族",
    "维吾尔族",
    "苗族",
    "彝族",
    "壮族",
    "布依族",
    "朝鲜族",
    "满族",
    "侗族",
    "瑶族",
    "白族",
    "土家族",
    "哈尼族",
    "哈萨克族",
    "傣族",
    "黎族",
    "傈僳族",
    "佤族",
    "畲族",
    "高山族",
    "拉祜族",
    "水族",
    "东乡族",
    "纳西族",
    "景颇族",
    "柯尔克孜族",
    "土族",
    "达斡尔族",
    "仫佬族",
    "羌族",
    "布朗族",
    "撒拉族",
    "毛南族",
    "仡佬族",
    "锡伯族",
    "阿昌族",
    "普米族",
    "塔吉克族",
    "怒族",
    "乌孜别克族",
    "俄罗斯族",
    "鄂温克族",
    "德昂族",
    "保安族",
    "裕固族",
    "京族",
    "塔塔尔族",
    "独龙族",
    "鄂伦春族",
    "赫哲族",
    "门巴族",
    "珞巴族",
    "基诺族",
    "各族",
];

/// The short form of a division's name: 上海市 → 上海, 秀山土家族苗族自治县 → 秀山, 东乡族自治县 →
/// 东乡, 大朗镇 → 大朗; `None` when it would be shorter than two characters.
pub fn short_place_name(name: &str) -> Option<&str> {
    for suffix in AUTONOMOUS {
        if let Some(rest) = name.strip_suffix(suffix) {
            let first = PEOPLES
                .iter()
                .filter_map(|p| rest.find(p).map(|at| (at, *p)))
                .min();
            // A people may be named without 族 right before the suffix (博尔塔拉蒙古自治州,
            // 伊犁哈萨克自治州): its name of two characters or more ends the stem.
            let bare = || {
                PEOPLES
                    .iter()
                    .filter_map(|p| p.strip_suffix('族'))
                    .filter(|p| p.chars().count() >= 2)
                    .find_map(|p| rest.strip_suffix(p))
            };
            let stem = match first {
                Some((0, people)) => people.strip_suffix('族').unwrap_or(people),
                Some((at, _)) => &rest[..at],
                None => bare().unwrap_or(rest),
            };
            return (stem.chars().count() >= 2).then_some(stem);
        }
    }
    // The first suffix that leaves two characters or more: 神农架林区 → 神农架, but
    // 士林区 → 士林 (not 士 and 林区).
    SUFFIXES
        .iter()
        .filter_map(|s| name.strip_suffix(s))
        .find(|stem| stem.chars().count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        for (name, short) in [
            ("上海市", Some("上海")),
            ("闵行区", Some("闵行")),
            ("内蒙古自治区", Some("内蒙古")),
            ("广西壮族自治区", Some("广西")),
            ("香港特别行政区", Some("香港")),
            ("秀山土家族苗族自治县", Some("秀山")),
            ("东乡族自治县", Some("东乡")),
            ("延边朝鲜族自治州", Some("延边")),
            ("博尔塔拉蒙古自治州", Some("博尔塔拉")),
            ("伊犁哈萨克自治州", Some("伊犁")),
            ("克孜勒苏柯尔克孜自治州", Some("克孜勒苏")),
            ("陵水黎族自治县", Some("陵水")),
            ("奈曼旗", Some("奈曼")),
            ("神农架林区", Some("神农架")),
            ("士林区", Some("士林")),
            ("大朗镇", Some("大朗")),
            ("凌云路街道", Some("凌云路")),
            ("和县", None),
            ("城区", None),
        ] {
            assert_eq!(short_place_name(name), short, "{name}");
        }
    }
}
