"""Figures read by hand from the seed articles in seeds/, and derived figures computed by hand.

Nothing here is computed by xbdata: each line was written by a person reading the sentence in the
article (quoted beside it) and writing down what it says, in base units: 2.38万亿元 is 2.38e12 CNY,
超过5亿用户 is more than 5e8 users (value and low 5e8, no top), 幾千元 is 2,000 to 9,000 CNY with
no single value (几 is "a few", two to nine). `words` is the number's text as the article writes it
(traditional characters in 001), so a catalogue row that moved to other words is noticed.

Conventions, as README.md states them: `value` is empty for a range or a vague amount; an open
bound keeps `value` and its closed side (超7万亿: value and low 7e12, high open); `~` is approximate
(约, 近, 几乎, and every vague amount); a percentage is in percent (56% is 56, 三分之二 is 66.67).
tests/test_catalogue.py holds the catalogue to these figures, and tests/test_formatting.py reads
the derived ones back from what a reader is shown.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hand:
    """One figure as a person reads it: bounds (None where open or absent), unit, qualifier."""

    words: str
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str = "="
    approx: bool = False    # an open bound that is also approximate (超过5亿 × 约40%: about 2亿 or more)


def same(x: float | None, y: float | None) -> bool:
    return x is None and y is None or (x is not None and y is not None) and abs(x - y) <= 1e-9 * max(abs(y), 1)


ONE_THIRD, TWO_THIRDS = 100 / 3, 200 / 3

# stat_id -> the figure, read from the article. The comment is the article's sentence (cut).
BY_HAND = {
    # 000_8d48b1a84700725f (跨境电商怎么做; an interview with Twitter's Erika Wang)
    "market_size_2022h1": Hand("超7万亿", 7e12, 7e12, None, "CNY", ">"),              # 2022上半年…市场规模超7万亿
    "market_size_2022_forecast": Hand("达到15.7万亿", 15.7e12, 15.7e12, 15.7e12, "CNY"),  # 预计2022年市场规模达到15.7万亿
    "market_growth_5y": Hand("10%以上", 10, 10, None, "%", ">"),                      # 过去5年…年增速均在10%以上
    "twitter_live_watch_time_growth": Hand("75%", 75, 75, 75, "%"),                   # 看直播的时间同比增长75%
    "twitter_tweets_share_16_24": Hand("超过三分之一", ONE_THIRD, ONE_THIRD, None, "%", ">"),  # 超过三分之一的推文来自16-24岁
    "twitter_shopping_tweet_impressions": Hand("达560亿", 560e8, 560e8, 560e8, "impressions"),  # 推文的展示量达560亿
    "twitter_shopping_tweet_impressions_ratio": Hand("2.7倍", 2.7, 2.7, 2.7, "x"),    # 为一般推文平均值的2.7倍
    "twitter_conversation_to_sales": Hand("3%", 3, 3, 3, "%"),                        # 销量可以有3%的提升
    "twitter_creators": Hand("超过五万", 5e4, 5e4, None, "creators", ">"),             # 全球超过五万个领先的创造者
    "twitter_users_affluent": Hand("55%", 55, 55, 55, "%"),                           # 富裕群体的可能性要高55%
    "twitter_users_share_16_34": Hand("近三分之二", TWO_THIRDS, TWO_THIRDS, TWO_THIRDS, "%", "~"),  # 占…的近三分之二
    "twitter_genz_tweet_share": Hand("37%", 37, 37, 37, "%"),                         # 三分之一以上(37%)
    "us_black_friday_2022_rank_electronics": Hand("第一名", 1, 1, 1, "rank"),           # 第一名是…电子产品
    "us_black_friday_2022_share_electronics": Hand("达到了56%", 56, 56, 56, "%"),       # 占比达到了56%
    "us_black_friday_2022_rank_toys": Hand("第三个", 3, 3, 3, "rank"),                  # 第三个是玩具
    "us_black_friday_2022_rank_mobile_tech": Hand("第五个", 5, 5, 5, "rank"),           # 第五个是移动科技产品
    # 001_1cbe8866d55724c7 (traditional script; social commerce and independent sites)
    "joom_users": Hand("超過1.2億用戶", 1.2e8, 1.2e8, None, "users", ">"),               # 這家擁有超過1.2億用戶
    "joom_daily_orders": Hand("高達80萬", 8e5, 8e5, 8e5, "orders"),                     # 日均訂單高達80萬
    "zaful_instagram_followers": Hand("高達390萬", 3.9e6, 3.9e6, 3.9e6, "followers"),   # 粉絲數高達390萬
    "zaful_twitter_followers": Hand("達9.95萬", 99_500, 99_500, 99_500, "followers"),  # Twitter粉絲數達9.95萬
    "jollychic_instagram_followers": Hand("高達72.6萬", 726_000, 726_000, 726_000, "followers"),  # 高達72.6萬
    "shein_twitter_followers": Hand("達4.8萬", 48_000, 48_000, 48_000, "followers"),   # Twitter粉絲數達4.8萬
    "tiktok_users_2019": Hand("超過5億用戶", 5e8, 5e8, None, "users", ">"),               # 已經積累了超過5億用戶
    "tiktok_users_outside_china_share": Hand("約有40%", 40, 40, 40, "%", "~"),          # 其中約有40%是來自中國以外
    "aliexpress_influencer_followers": Hand("5.08萬粉絲", 50_800, 50_800, 50_800, "followers"),  # 擁有5.08萬粉絲的網紅
    "standalone_site_cost_before": Hand("高達10萬元", 1e5, 1e5, 1e5, "CNY"),            # 獨立站的成本高達10萬元
    "standalone_site_time_before": Hand("約兩個月", 2, 2, 2, "months", "~"),            # 搭建時長約兩個月
    "standalone_site_cost_now": Hand("幾千元", None, 2000, 9000, "CNY", "~"),           # 搭建成本降到幾千元
    "standalone_site_time_now": Hand("兩天", 2, 2, 2, "days"),                         # 搭建時間也壓縮到兩天
    "boostinsider_ceo_followers_2013": Hand("幾千個粉絲", None, 2000, 9000, "followers", "~"),  # 管理Instagram幾千個粉絲
    # 002_6700178db0982fd6 (Tmall Global and Xiaohongshu)
    "tmall_global_plan_countries": Hand("超过120个国家", 120, 120, None, "countries", ">"),  # 超过120个国家与地区的进口覆盖
    "tmall_global_categories_2019": Hand("4000个品类", 4000, 4000, 4000, "categories"),  # 从4000个品类扩充到…
    "tmall_global_plan_categories": Hand("8000个品类以上", 8000, 8000, None, "categories", ">"),  # …到8000个品类以上
    "tmall_global_countries_2020": Hand("84个国家", 84, 84, 84, "countries"),          # 全球84个国家和地区的
    "tmall_global_brands_2020": Hand("26000多个", 26_000, 26_000, None, "brands", ">"),  # 26000多个海外品牌
    "tmall_global_categories_2020": Hand("5300多个品类", 5300, 5300, None, "categories", ">"),  # 覆盖了5300多个品类
    "tmall_global_dispatch_hours": Hand("120小时", 120, 120, 120, "hours"),            # 120小时内完成发货
    "tmall_global_delivery_days": Hand("14个工作日", 14, 14, 14, "working_days"),      # 14个工作日内到达
    "alibaba_experience_years": Hand("十几年", None, 11, 19, "years", "~"),             # 阿里巴巴集团十几年来
    "xiaohongshu_users_25_32": Hand("63.81%", 63.81, 63.81, 63.81, "%"),               # 63.81%的用户年龄在25-32岁之间
    "xiaohongshu_users_under_25": Hand("21.29%", 21.29, 21.29, 21.29, "%"),            # 25岁下列的人群占比21.29%
    # 003_6ffb6ff860af52e7 (conversational commerce, BCG's report)
    "us_want_realtime_contact": Hand("71%", 71, 71, 71, "%"),                          # 71%的美国消费者希望…
    "us_happy_with_chatbots": Hand("几乎每三个就有两个", TWO_THIRDS, TWO_THIRDS, TWO_THIRDS, "%", "~"),
    "us_chat_channel_marketplace": Hand("27%", 27, 27, 27, "%"),                       # 电商平台占比为27%
    "vacanza_cart_value_uplift": Hand("7.4%", 7.4, 7.4, 7.4, "%"),                     # 比来源网站高出7.4%
    "us_conversational_growth_forecast": Hand("6-25%", None, 6, 25, "%"),              # 有望迎来6-25%的增长
    "apac_keep_or_increase_spend": Hand("96%", 96, 96, 96, "%"),                       # 96%接受调查的…买家
    "apac_prefer_messaging_merchants": Hand("每三个买家就有两个", TWO_THIRDS, TWO_THIRDS, TWO_THIRDS, "%"),
    # 004_f2b2ca645d6b4bf5 (TikTok's e-commerce)
    "tiktok_installs": Hand("超过30亿", 3e9, 3e9, None, "installs", ">"),              # 安装量超过30亿次的Tiktok
    "tiktok_live_growth": Hand("增加了一倍", 2, 2, 2, "x"),                             # 人数…增加了一倍: twice as many
}

# Derived figures, computed by hand from the figures above (the arithmetic in the comment).
DERIVED_BY_HAND = {
    # 15.7万亿 (2022) less 超7万亿 (H1): H1 is at least 7e12, so H2 is at most 15.7e12 - 7e12 = 8.7e12.
    "market_size_2022h2_implied": Hand("", 8.7e12, None, 8.7e12, "CNY", "<"),
    # 100% less 63.81% (25-32) less 21.29% (under 25) = 14.90% (over 32).
    "xiaohongshu_users_over_32": Hand("", 14.9, 14.9, 14.9, "%"),
    # 超过5亿 users × 约40% = more than 2e8, and only about: 5e8 × 0.40 = 2e8.
    "tiktok_users_outside_china": Hand("", 2e8, 2e8, None, "users", ">", approx=True),
    # 5300多 categories (Nov 2020) / 4000 (2019) = more than 1.325 times.
    "tmall_global_category_growth_2019_2020": Hand("", 1.325, 1.325, None, "x", ">"),
}
