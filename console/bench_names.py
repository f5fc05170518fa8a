"""Names for the benchmark with the spread of a real customer base.

A few first names and surnames are very common and most are rare (a Zipf-like weight per
rank), surnames are built from real stems and endings, and Chinese given names are one or
two characters from a pool of a few hundred, so 1,000,000 customers carry hundreds of
thousands of distinct names instead of a few thousand. Deterministic for a given `Random`.
"""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence

FI_FIRST = (
    "Aino", "Eino", "Väinö", "Päivi", "Sini", "Tiina", "Mikko", "Jukka", "Satu", "Kaisa",
    "Anneli", "Pekka", "Matti", "Leena", "Heikki", "Sari", "Tuomas", "Jyrki", "Sanna", "Kalle",
    "Eeva", "Ilkka", "Riikka", "Tapio", "Hanna", "Jenni", "Jussi", "Ville", "Minna", "Olli",
    "Åsa", "Jörgen", "Säde", "Ylvä", "Lauri", "Outi", "Kyösti", "Tyyne", "Hilkka", "Juha",
    "Timo", "Kari", "Markku", "Antti", "Jari", "Hannu", "Mika", "Petri", "Janne", "Sami",
    "Marko", "Harri", "Teemu", "Jarmo", "Arto", "Kimmo", "Lasse", "Juho", "Eetu", "Aleksi",
    "Onni", "Leevi", "Elias", "Oliver", "Veeti", "Niilo", "Toivo", "Aarne", "Oiva", "Urho",
    "Tuula", "Ritva", "Pirjo", "Marja", "Anne", "Sirpa", "Merja", "Tarja", "Seija", "Arja",
    "Kirsi", "Heli", "Johanna", "Laura", "Maria", "Emilia", "Sofia", "Aada", "Venla", "Ella",
    "Helmi", "Linnea", "Iida", "Pihla", "Siiri", "Lilja", "Enni", "Veera", "Elli", "Kerttu",
    "Irja", "Aili", "Lempi", "Saimi", "Martta", "Hely", "Terttu", "Raili", "Orvokki", "Impi",
    "Nelli", "Noora", "Milla", "Oona", "Jade", "Vilja", "Lumi", "Ilona", "Aurora", "Hertta",
    "Valtteri", "Eemeli", "Akseli", "Joel", "Lenni", "Rasmus", "Otto", "Vilho", "Eelis",
)
FI_STEMS = (
    "Virta", "Korho", "Mäki", "Nie", "Mäke", "Hämä", "Lai", "Heikki", "Koski", "Järvi",
    "Lehto", "Lehti", "Saari", "Salmi", "Heino", "Kinnu", "Salo", "Turu", "Laiti", "Tuomi",
    "Ranta", "Karja", "Joki", "Matti", "Savo", "Lahti", "Aho", "Hyvö", "Kallio", "Rinne",
    "Harju", "Vuori", "Laakso", "Hieta", "Kivi", "Pelto", "Niska", "Kangas", "Suo", "Oja",
    "Kuusi", "Haapa", "Honka", "Leppä", "Pihla", "Tammi", "Koivu", "Lampi", "Rauta", "Kulta",
    "Sorsa", "Hirvo", "Karhu", "Kettu", "Ilves", "Kotka", "Haukka", "Metsä", "Nurmi",
    "Vainio", "Kylä", "Kanto", "Kärki", "Mylly", "Kaski", "Raja", "Pakka", "Kauppi", "Manni",
    "Pölö", "Väisä", "Kärkkä", "Pääkkö", "Hakka", "Jaakko", "Anttila", "Penna", "Tolo",
    "Hurme", "Seppä", "Huttu", "Keski", "Ylä", "Ala", "Myllä", "Mieho", "Ruoho", "Heinä",
    "Vilja", "Kaura", "Ohra", "Routa", "Halla", "Sade", "Tuuli", "Myrsky", "Pilvi", "Lumi",
)
FI_ENDINGS = (
    "nen", "inen", "lainen", "la", "lä", "o", "mäki", "niemi", "salo", "järvi", "koski",
    "lahti", "vaara", "harju", "ranta", "aho", "oja", "pää", "saari", "lehto", "kangas",
    "vuori", "maa", "suo", "puro", "kallio", "nummi", "linna", "sto", "kari",
)
EN_FIRST = (
    "Emily", "James", "Olivia", "Oliver", "Sophie", "Thomas", "Grace", "Daniel", "Charlotte",
    "Jack", "Amelia", "Harry", "Isla", "George", "Lucy", "William", "Hannah", "Samuel",
    "Chloe", "Benjamin", "Margaret", "Arthur", "Zoe", "Noah", "Jessica", "Joshua", "Ella",
    "Matthew", "Emma", "Ryan", "Mia", "Luke", "Ava", "Adam", "Poppy", "Liam", "Ruby", "Ethan",
    "Lily", "Alexander", "Evie", "Henry", "Freya", "Joseph", "Florence", "Edward", "Alice",
    "Charlie", "Isabella", "Jacob", "Sienna", "Alfie", "Phoebe", "Oscar", "Matilda", "Leo",
    "Rosie", "Max", "Imogen", "Theo", "Eleanor", "Finley", "Elsie", "Archie", "Ivy", "Toby",
    "Willow", "Joshua", "Layla", "Reuben", "Harriet", "Stanley", "Martha", "Albert", "Edith",
    "Frederick", "Beatrice", "Hugo", "Clara", "Rory", "Nancy", "Felix", "Maisie", "Louis",
    "Penelope", "Elliot", "Violet", "Dylan", "Aisha", "Mohammed", "Priya", "Aaron", "Niamh",
    "Connor", "Siobhan", "Callum", "Megan", "Rhys", "Bethan", "Gareth", "Catherine", "David",
    "Sarah", "Michael", "Laura", "Peter", "Rebecca", "Paul", "Rachel", "Mark", "Helen",
    "Andrew", "Claire", "Richard", "Susan", "Stephen", "Karen", "Simon", "Julie", "Neil",
)
EN_SURNAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Wood", "Jackson", "Clarke", "O'Brien", "MacDonald", "Carter", "Patel", "Khan", "Lewis",
    "Hughes", "Edwards", "Turner", "Hill", "Moore", "Cooper", "Ward", "Morris", "King",
    "Harris", "Baker", "Morgan", "Young", "Allen", "Mitchell", "Bell", "Murphy", "Kelly",
)
EN_STEMS = (
    "Ash", "Black", "Brad", "Brook", "Craw", "Dun", "Fair", "Fox", "Gold", "Green", "Hart",
    "Hay", "Holl", "Lang", "Mar", "Mills", "Net", "Old", "Pem", "Red", "Ross", "Rush",
    "Sand", "Shel", "Stan", "Stock", "Thorn", "Wake", "West", "Whit", "Wind", "Win", "Al",
    "Bar", "Bel", "Bur", "Clay", "Cran", "Dal", "Elm", "Fern", "Grant", "Ham", "Kings",
    "Lock", "Moor", "North", "Oak", "Pen", "Rad", "South", "Stone", "Sut", "Tal", "Thorp",
    "Wal", "Wey", "Wil", "Brom", "Ched", "Cliff", "Dray", "Ever", "Hather", "Lind", "Nor",
)
EN_ENDINGS = (
    "ford", "wood", "ley", "ton", "field", "well", "worth", "by", "ham", "man", "son",
    "combe", "bridge", "stead", "more", "cott", "hurst", "dale", "den", "ridge", "brook",
    "wick", "shaw", "land", "way", "sworth", "ington", "er", "ing", "mere",
)
# (traditional, simplified) surnames, most common first.
ZH_SURNAMES = (
    ("陳", "陈"), ("林", "林"), ("黃", "黄"), ("張", "张"), ("李", "李"), ("王", "王"),
    ("吳", "吴"), ("劉", "刘"), ("蔡", "蔡"), ("楊", "杨"), ("許", "许"), ("鄭", "郑"),
    ("謝", "谢"), ("郭", "郭"), ("洪", "洪"), ("曾", "曾"), ("邱", "邱"), ("廖", "廖"),
    ("賴", "赖"), ("周", "周"), ("徐", "徐"), ("蘇", "苏"), ("葉", "叶"), ("莊", "庄"),
    ("呂", "吕"), ("江", "江"), ("何", "何"), ("蕭", "萧"), ("羅", "罗"), ("高", "高"),
    ("潘", "潘"), ("簡", "简"), ("朱", "朱"), ("鍾", "钟"), ("游", "游"), ("彭", "彭"),
    ("詹", "詹"), ("胡", "胡"), ("施", "施"), ("沈", "沈"), ("余", "余"), ("盧", "卢"),
    ("梁", "梁"), ("趙", "赵"), ("顏", "颜"), ("柯", "柯"), ("翁", "翁"), ("魏", "魏"),
    ("孫", "孙"), ("戴", "戴"), ("范", "范"), ("方", "方"), ("宋", "宋"), ("鄧", "邓"),
    ("杜", "杜"), ("傅", "傅"), ("侯", "侯"), ("曹", "曹"), ("薛", "薛"), ("丁", "丁"),
    ("卓", "卓"), ("馬", "马"), ("阮", "阮"), ("董", "董"), ("唐", "唐"), ("温", "温"),
    ("藍", "蓝"), ("蔣", "蒋"), ("石", "石"), ("古", "古"), ("紀", "纪"), ("姚", "姚"),
    ("連", "连"), ("馮", "冯"), ("歐", "欧"), ("程", "程"), ("湯", "汤"), ("黄", "黄"),
    ("田", "田"), ("康", "康"), ("姜", "姜"), ("白", "白"), ("汪", "汪"), ("鄒", "邹"),
    ("尤", "尤"), ("巫", "巫"), ("鐘", "钟"), ("黎", "黎"), ("涂", "涂"), ("龔", "龚"),
)
# (traditional, simplified) characters common in given names.
ZH_GIVEN = tuple(zip(
    "美玲志明淑芬家豪怡君建宏雅婷俊傑欣冠宇宗翰佩珊文雄麗華國嘉思妤承恩偉穎芳娜敏靜強磊軍洋勇"
    "艷杰娟秀英曉東海燕春梅子涵浩然軒博睿澤瑞霖晨宸辰陽朗琪琳瑤瑾璇雯霞露雪蕾蓉萍蘭蓮菊花"
    "月星光明亮輝煌榮耀德仁義禮智信忠孝廉恥安康平和順利福祿壽喜慶吉祥如意富貴成功勝利達"
    "永長久遠大小中正直方圓清純真善美好佳良優秀傑出豪邁英俊瀟灑飛翔騰龍鳳麟鵬鶴鷹燕鶯",
    "美玲志明淑芬家豪怡君建宏雅婷俊杰欣冠宇宗翰佩珊文雄丽华国嘉思妤承恩伟颖芳娜敏静强磊军洋勇"
    "艳杰娟秀英晓东海燕春梅子涵浩然轩博睿泽瑞霖晨宸辰阳朗琪琳瑶瑾璇雯霞露雪蕾蓉萍兰莲菊花"
    "月星光明亮辉煌荣耀德仁义礼智信忠孝廉耻安康平和顺利福禄寿喜庆吉祥如意富贵成功胜利达"
    "永长久远大小中正直方圆清纯真善美好佳良优秀杰出豪迈英俊潇洒飞翔腾龙凤麟鹏鹤鹰燕莺",
    strict=True,
))


def _surnames(stems: Sequence[str], endings: Sequence[str], seed: int) -> tuple[str, ...]:
    made = [stem + (ending if stem[-1] != ending[0] else ending[1:])
            for stem, ending in itertools.product(stems, endings)]
    random.Random(seed).shuffle(made)  # the rank (and so the weight) of each is arbitrary
    return tuple(made)


FI_SURNAMES = _surnames(FI_STEMS, FI_ENDINGS, 1)
EN_MADE_SURNAMES = EN_SURNAMES + _surnames(EN_STEMS, EN_ENDINGS, 2)


class Zipf:
    """Pick from `items` with weight 1 / (rank + offset) ** exponent."""

    def __init__(self, items: Sequence[object], exponent: float = 1.0,
                 offset: float = 2.0) -> None:
        self.items = list(items)
        total = 0.0
        self.cumulative: list[float] = []
        for rank in range(len(self.items)):
            total += 1.0 / (rank + offset) ** exponent
            self.cumulative.append(total)
        self.total = total

    def pick(self, rnd: float) -> object:
        return self.items[min(bisect.bisect(self.cumulative, rnd * self.total),
                              len(self.items) - 1)]


_FI_FIRST = Zipf(FI_FIRST, 0.9)
_FI_LAST = Zipf(FI_SURNAMES, 0.7, 10)
_EN_FIRST = Zipf(EN_FIRST, 0.9)
_EN_LAST = Zipf(EN_MADE_SURNAMES, 0.7, 10)
_ZH_SURNAME = Zipf(range(len(ZH_SURNAMES)), 1.0, 3)
_ZH_GIVEN = Zipf(range(len(ZH_GIVEN)), 0.6, 5)


def realistic_name(rng: random.Random, language: str) -> str:
    rnd = rng.random
    if language == "fi":
        return f"{_FI_FIRST.pick(rnd())} {_FI_LAST.pick(rnd())}"
    if language == "en":
        return f"{_EN_FIRST.pick(rnd())} {_EN_LAST.pick(rnd())}"
    script = 0 if language == "zh-TW" else 1
    surname = ZH_SURNAMES[int(_ZH_SURNAME.pick(rnd()))][script]  # type: ignore[call-overload]
    count = 1 if rnd() < 0.15 else 2
    given = "".join(ZH_GIVEN[int(_ZH_GIVEN.pick(rnd()))][script]  # type: ignore[call-overload]
                    for _ in range(count))
    return surname + given
