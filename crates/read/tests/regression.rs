//! Kinds of real pages the reader once got wrong, each with what is right.

use shegong_read::read_page;

fn one(page: &str) -> shegong_article::Article {
    let mut arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 1, "{arts:#?}");
    arts.remove(0)
}

/// A body paragraph long enough to be one, and to make the page a web page.
const BODY: &str = "近日，某市某区某街道社会工作服务站联合辖区社区开展了一系列服务活动，为辖区老年人、困境儿童和残疾人提供个案辅导、小组活动和社区服务，受到居民欢迎。";

#[test]
fn web_page_headline_is_the_line_above_its_metadata_amid_chrome() {
    let page = format!(
        "欢迎访问某某市人民政府门户网站！\n您当前的位置：首页 > 今日要闻\n某街道社工站正式揭牌运营-某某新闻网\n发布日期：2024-05-26 18:50:17  来源：某某日报\n字号：大 中 小\n（资料图片）\n{BODY}\n{BODY}\n编辑 张三 校对 李四\n相关新闻\n某县召开社会工作推进会\n某市评选优秀社工\n版权所有 某某新闻网 京ICP备12345678号\n"
    );
    let a = one(&page);
    assert_eq!(a.title.as_deref(), Some("某街道社工站正式揭牌运营"));
    assert_eq!(a.source.as_deref(), Some("某某日报"));
    assert_eq!(
        a.published.as_ref().map(|d| (d.year, d.month, d.day)),
        Some((Some(2024), Some(5), Some(26)))
    );
    assert!(a.text.starts_with("（资料图片）") || a.text.starts_with("(资料图片)"));
    assert!(
        !a.text.contains("相关新闻") && !a.text.contains("ICP"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("某县召开"), "{}", a.text);
    let byline = a.byline.unwrap_or_default();
    assert!(
        byline.contains("编辑 张三") && byline.contains("校对 李四"),
        "{byline}"
    );
}

#[test]
fn web_page_without_headline_gets_none_not_a_trailing_site_name() {
    let page = format!("{BODY}\n{BODY}\n编辑：王五\n某某新闻网\n长按二维码\n关注精彩内容\n");
    let a = one(&page);
    assert_eq!(a.title, None);
}

#[test]
fn dateline_opens_the_lead_and_its_credit_goes_to_the_byline() {
    let page =
        format!("某区社工站开展助老服务\n本报讯（记者 王明 通讯员 李华 赵强）{BODY}\n{BODY}\n");
    let a = one(&page);
    assert_eq!(a.title.as_deref(), Some("某区社工站开展助老服务"));
    // The dateline stays in the lead, where extraction reads its place and date.
    assert!(a.text.starts_with("本报讯"), "{}", a.text);
    assert_eq!(a.byline.as_deref(), Some("记者 王明 通讯员 李华 赵强"));
}

#[test]
fn a_page_printed_twice_is_read_once() {
    let page = format!("通讯员 许敏 徐燕燕\n本报讯 {BODY}\n{BODY}再说一句。\n通讯员 许敏 徐燕燕\n本报讯 {BODY}\n{BODY}再说一句。\n");
    let a = one(&page);
    assert_eq!(a.text.matches("再说一句").count(), 1, "{}", a.text);
}

#[test]
fn newspaper_page_splits_where_a_dateline_opens_the_next_article() {
    let page = "\
社区食堂开张

本报讯 近日，某街
道社区食堂正式开张，
为辖区老人提供助餐
服务，每天供应午餐
两百余份，深受老人
欢迎和好评。
新华社北京3月5日电
（记者 张伟）记者从
民政部获悉，全国已
建成乡镇社工站两万
余个，覆盖面不断扩
大，服务能力提升。
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert!(arts[1].text.starts_with("新华社北京3月5日电"));
    assert_eq!(arts[1].byline.as_deref(), Some("记者 张伟"));
}

#[test]
fn web_headline_with_a_place_kicker_and_a_tag() {
    for title in [
        "某市：构建“街道+社工站+社区”服务体系",
        "【某某社工站】某市民政局一行莅临调研指导社会工作服务",
    ] {
        let page =
            format!("首页 | 新闻 | 社会 | 民生\n{title}\n2024-03-18 20:42:52\n{BODY}\n{BODY}\n");
        assert_eq!(one(&page).title.as_deref(), Some(title));
    }
}

#[test]
fn web_headline_printed_before_the_body_on_the_same_line() {
    let page = format!("某市：构建社区服务体系 {BODY}\n{BODY}\n");
    let a = one(&page);
    assert_eq!(a.title.as_deref(), Some("某市：构建社区服务体系"));
    assert!(a.text.starts_with("近日"), "{}", a.text);
}

#[test]
fn web_headline_on_two_lines() {
    let page = format!(
        "首頁>黨派>社會服務\n建設平安社區\n某市委會豐富居民文化生活\n本報某地訊 {BODY}\n{BODY}\n"
    );
    assert_eq!(
        one(&page).title.as_deref(),
        Some("建設平安社區 某市委會豐富居民文化生活")
    );
}

#[test]
fn web_headline_loses_channel_and_site_names() {
    let page = format!("滇池文明荟 | 党建引领社工赋能 某社区绘就乡村振兴新画卷\n2025-09-28 15:50 来源：某某网\n{BODY}\n{BODY}\n");
    assert_eq!(
        one(&page).title.as_deref(),
        Some("党建引领社工赋能 某社区绘就乡村振兴新画卷")
    );
}

#[test]
fn a_wide_gap_between_columns_separates_articles_on_similar_topics() {
    let page = "\
某镇社工站开展宣传活动，向群众
发放宣传彩页，介绍社工站的作用
和意义，让更多群众认识社工站。


某日下午，某区社工站和某镇社
工站联合开展关爱主题宣传徒步
活动，向群众发放宣传单页。
本报记者 王 明 摄
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert!(arts[1].text.starts_with("某日下午"));
    assert_eq!(arts[1].byline.as_deref(), Some("本报记者 王 明 摄"));
}

#[test]
fn a_web_notice_keeps_its_signature_and_drops_the_site_names_after_it() {
    let page = format!("{BODY}\n{BODY}\n特此通告\n某县交通运输局\n某县公安局交通管理大队\n2024年7月15日\n某某政务网\n");
    let a = one(&page);
    assert_eq!(a.title, None);
    assert!(a.text.contains("某县交通运输局"), "{}", a.text);
    assert!(!a.text.contains("某某政务网"), "{}", a.text);
}

#[test]
fn a_headline_after_a_body_that_ends_with_its_credit_belongs_to_that_body() {
    let page = "\
近日，某市首家乡镇社会
工作服务站在某镇福利院
揭牌，此举标志着某市社
工站建设全面铺开。某市
拟通过政府购买服务的方
式推动建设。(记者车某华)

某市首家乡镇社会工作服务站揭牌

文明风7月8日讯(通讯员
李某鸣)7月2日，某县某
镇社会工作服务站正式揭
牌成立，镇党政领导和义
工协会义工共同参加仪式。
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(
        arts[0].title.as_deref(),
        Some("某市首家乡镇社会工作服务站揭牌")
    );
    assert_eq!(arts[0].byline.as_deref(), Some("记者车某华"));
    assert_eq!(arts[1].title, None);
    assert_eq!(arts[1].byline.as_deref(), Some("通讯员李某鸣"));
}

#[test]
fn a_stamp_inside_a_column_line_is_body_text() {
    let page = "\
2015年5月16日上午，由某
大学人文学院与某社会工
作服务中心主办的实习基
地揭牌仪式在某村举行。
";
    let arts = read_page("p.txt", page);
    assert!(arts[0].text.starts_with("2015年5月16日上午"), "{arts:#?}");
}

#[test]
fn photo_captions_with_their_credits_stay_one_item() {
    let page = "\
3月13日，某社区的工作人员在看望
空巢老人。近年来，某社区依托服务
平台开展日间照料服务。 新华社记者 许某
摄
3月13日，某社区的老人在当志愿者，
为另一名老人理发。 新华社记者 许某
摄
3月13日，某社区的老人在活动室打
乒乓球。 新
华社记者 许某 摄
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 1, "{arts:#?}");
    assert!(arts[0].text.contains("打乒乓球"));
}

#[test]
fn paragraphs_set_off_by_blank_lines_stay_one_article() {
    let page = "\
5月28日，某生态城某社区以
“专业社工+志愿服务”模式
举办公益嘉年华活动，吸引
300余名居民参与。

活动现场，专业社工携手志
愿队伍开展健康义诊、爱心
义剪、衣物缝补等便民服务。

来自某某学院、某某大学的
青年志愿者将防溺水、消防
安全、反诈知识融入钓粽子、
套圈等民俗游戏之中。

在非遗文化体验区，社区合
伙人与居民共同制作香囊、
绘制彩蛋、创作剪纸作品。
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 1, "{arts:#?}");
}

#[test]
fn a_headline_after_a_wide_gap_opens_the_next_article() {
    let page = "\
某区建成运营150个乡镇
社工站，为空巢老人、困
境儿童提供生活照顾、精
神慰藉等服务，受益群众
约3.5万人。
（据某某日报）

【深入学习贯彻党的二十大精神】


我市已实现乡镇社工站全覆盖

12月20日，我市举办乡镇
社工站建设经验总结会。
目前我市已实现乡镇社工
站全覆盖，累计服务群众
超81万人次。
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[0].title, None);
    assert_eq!(arts[1].title.as_deref(), Some("我市已实现乡镇社工站全覆盖"));
    assert!(!arts[1].text.contains("二十大"), "a banner is no text");
}

#[test]
fn an_opening_scene_is_not_cut_from_its_article() {
    let page = "\
某县民政局：汇聚社工力量 温暖老区群众

“小朋友，冬奥会吉祥物是什么？”

“冰墩墩”。

孩子们在老师的引导下争先恐后地抢答。

2月26日，某社会工作服务中心、某街道社工站
在某社区党群服务中心举办儿童手抄报活动，来
自社区的近20位小朋友在社工站老师的带领下，
了解冬奥文化，激发爱国情感，感受体育运动带
来的快乐。
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 1, "{arts:#?}");
}

#[test]
fn a_byline_between_articles_goes_to_the_one_without_a_credit() {
    // Before an uncredited dateline it opens the next article.
    let page = "\
某县民政局将扎实做好关爱帮
扶工作，充分发挥乡镇社会工
作站的作用，力求把关怀送到
困难群众手中。

■记者 叶某 通讯员 陆某某

本报讯 “社工是做什么的？”
21日，某区公益社工师事务所
的社工们在某社区摆放展架宣
传、发放资料、现场解答。
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[1].byline.as_deref(), Some("记者 叶某 通讯员 陆某某"));
    // Before a dateline with its own credit it closes the article before.
    let page = page.replace("本报讯 “", "某某网讯（记者 王某）“");
    let arts = read_page("p.txt", &page);
    assert_eq!(arts.len(), 2, "{arts:#?}");
    assert_eq!(arts[0].byline.as_deref(), Some("记者 叶某 通讯员 陆某某"));
}

#[test]
fn a_mojibake_credit_broken_over_lines_stays_whole() {
    let page = "\
本报讯渊记者 党某喜 通讯员
 路某冤野没有共产党，就没有
新中国……冶在某养老院一楼大
厅，志愿者和老人一起唱歌。
";
    let a = one(page);
    assert_eq!(a.byline.as_deref(), Some("记者 党某喜 通讯员路某"));
    assert!(a.text.starts_with("本报讯（记者"), "{}", a.text);
}

#[test]
fn a_credit_opening_a_web_paragraph_goes_to_the_byline() {
    let page = format!("■ 本报记者 皮某 记者从某省民政厅了解到，{BODY}\n{BODY}\n");
    assert_eq!(one(&page).byline.as_deref(), Some("本报记者 皮某"));
}

#[test]
fn a_digest_of_briefs_in_long_paragraphs_is_several_articles() {
    // Each brief is one long paragraph closing with its source, so the page looks like a web
    // page; it was read as one article with the second headline inside its text.
    let page = format!(
        "甲街道开展为老服务\n\n2024年6月4日，{BODY}（据某某日报）\n\n乙镇社工站启用\n\n近日，{BODY}（据某某晚报）\n"
    );
    let arts = read_page("p.txt", &page);
    let titles: Vec<_> = arts.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(titles, [Some("甲街道开展为老服务"), Some("乙镇社工站启用")]);
    let sources: Vec<_> = arts.iter().map(|a| a.source.as_deref()).collect();
    assert_eq!(sources, [Some("某某日报"), Some("某某晚报")]);
    assert!(!arts[0].text.contains("乙镇"), "{}", arts[0].text);
}

#[test]
fn a_dated_step_after_another_stays_in_its_article() {
    // A police report told day by day: each step opens with a date (`2月10日上午，`,
    // `2月11日起，`). Only the dateline opens the article; a date after a dated step was taken
    // for the lead of a new article and cut the report in two.
    let page = "\
本报讯（记者 甲某 通讯员 乙某）春节
期间，某县公安局全警在岗，以最
严的要求投身节日安保工作。

2月10日上午，某县城南派出所
民警走进辖区一所小学，为师生
讲解防火防骗知识，检查校园
周边的消防设施和监控设备，
并与学校负责人商定了值守
方案，陪伴孩子们度过假期。

2月11日起，某县公安局刑侦大队
一组民警北上，克服风雪和路途遥远等
困难赶到外省，在当地警方的
协助下将一名网上逃犯抓获归
案。同日，另一组侦查员和城南
派出所民警驱车南下，于2月12日将一名涉嫌盗窃
的嫌疑人抓获。
";
    let arts = read_page("p.txt", page);
    assert_eq!(arts.len(), 1, "{arts:#?}");
    assert!(arts[0].text.contains("网上逃犯"), "{}", arts[0].text);
}

#[test]
fn a_date_stamp_glued_before_the_headline_is_metadata_not_part_of_it() {
    let page = format!(
        " date 2025-12-18 某鄉社區照顧關懷據點再揭牌 持續建構在地安老服務網\n\n\n{BODY}\n{BODY}\n"
    );
    let a = one(&page);
    assert_eq!(
        a.title.as_deref(),
        Some("某鄉社區照顧關懷據點再揭牌 持續建構在地安老服務網")
    );
    assert!(a.text.starts_with("近日"), "{}", a.text);
    let d = a.published.expect("the stamp dates the page");
    assert_eq!((d.year, d.month, d.day), (Some(2025), Some(12), Some(18)));
}

#[test]
fn a_counter_line_under_the_headline_is_not_the_headline() {
    let page = format!("某縣實現鄉鎮社工站全縣域覆蓋\n\n某省 99℃ 0\n{BODY}\n{BODY}\n");
    assert_eq!(
        one(&page).title.as_deref(),
        Some("某縣實現鄉鎮社工站全縣域覆蓋")
    );
}

#[test]
fn a_date_label_and_its_value_on_separate_lines_date_the_page() {
    let page = format!(
        "某街道社工周宣传活动\n\n索引号\na01525757-0/20230525-00001\n发文机构\n某街道办事处\n日期\n2023-03-25\n\n某街道社工周宣传活动\n\n{BODY}\n{BODY}\n"
    );
    let a = one(&page);
    let d = a.published.clone().unwrap_or_else(|| panic!("{a:#?}"));
    assert_eq!((d.year, d.month, d.day), (Some(2023), Some(3), Some(25)));
}

#[test]
fn a_bare_stamp_above_the_headline_is_no_date_of_the_page() {
    let page = format!("2025-12-01 星期一\n\n某街道社工周宣传活动\n\n{BODY}\n{BODY}\n");
    assert_eq!(one(&page).published, None);
}

#[test]
fn related_news_teasers_after_the_closing_credit_are_no_part_of_the_story() {
    let page = format!(
        "某公园邀50位孤寡老人赏红叶\n11.10.2015 09:30\n{BODY}\n{BODY}\n(记者 王明 实习生 李强 报道/摄)\n11.10.2015 09:30\n某厅召开2023年年中务虚会\n8月3日，某厅召开2023年年中务虚会。人力资源和社会保障厅\n某宣讲团走进某市\n为不断加强系统行风建设，人力资源和社会保障厅\n"
    );
    let a = one(&page);
    assert!(!a.text.contains("8月3日"), "{}", a.text);
    assert!(
        a.byline.is_some_and(|b| b.contains("王明")),
        "the closing credit stays"
    );
}
