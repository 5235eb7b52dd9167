"""The rule tables of Russian (and English) news language, read by the lint and the drafter.

Rules are data: one table per kind of cue, written once here. The lint asks whether a fact's
evidence shows a cue of its status; the drafter (kzru.curate) asks which status a sentence's
cues decide. Cues are word beginnings (stems) matched at the start of a word, after
``text.normalize`` (lower case, ё→е); a cue with a space must appear as written. None of these
words comes from one article: they are the verbs and nouns news reports use in general.
"""

from __future__ import annotations

from kzru.time_words import (  # noqa: F401 (the date words, read from here too)
    DAY_REFERENCES,
    LATER_WORDS,
    MONTHS,
    RELATIVE_DAYS,
    RELATIVE_SHIFTS,
    RELATIVE_UNITS,
    SEASONS,
    TIME_REFERENCES,
    WEEKDAYS,
)

# Status -> cue stems. `reported` has no cue: reporting is the outlet's act, not a word.
STATUS_CUES: dict[str, tuple[str, ...]] = {
    "signed": ("подпис", "обменял", "принят", "принял", "ратифицир", "заключил", "заключен",
               "sign", "exchang", "adopt", "ratif"),
    "agreed": ("договор", "услови", "условлен", "решено", "согласов", "достигнут", "закреплен",
               "согласились", "согласился", "согласилась",
               # support for a proposal agrees to it ("поддержал инициативу": report_cues)
               "поддержал",
               # an invitation or a proposal accepted (the drafter's TAKING_CUES rule)
               "принял приглашени", "приняла приглашени", "приняли приглашени",
               "принял предложени", "приняла предложени", "приняли предложени",
               # ... and in the passive ("приглашение было принято с благодарностью",
               # "принято предложение провести форум")
               "приглашение принят", "приглашение было принят", "приглашения приняты",
               "приглашения были приняты", "предложение принят", "предложение было принят",
               "предложения приняты", "предложения были приняты", "принято приглашени",
               "было принято приглашени", "принято предложени", "было принято предложени",
               "приняты предложени", "были приняты предложени",
               # initialling a text agrees it, it signs nothing yet ("завизировали",
               # "парафировали соглашение")
               "завизир", "парафир", "initialled", "initialed",
               "agree", "accord"),
    "done": ("проход", "вышл", "по итогам", "принимал", "сопровожд", "продолжил", "открыл",
             "открыт", "прош", "состоя", "прибыл", "завершен", "завершил", "провел", "провед",
             "посетил", "совершил", "нанес", "участвовал", "возлож", "присвоен", "встречал",
             "передвигал", "задержал", "виделись", "прилетел", "приехал", "увеличили", "встретил",
             "встретят", "встретит", "held", "open", "took place",
             # a past contact between leaders, however the sentence frames it ("в прошлый
             # раз беседовали", "созвонились", "побывал на саммите")
             "поговорил", "побеседовал", "беседовал", "созвонил", "пообщал", "общались",
             # an event's beginning or end is itself an event that took place ("визит
             # начался", "форум стартовал", "переговоры закончились")
             "начался", "началась", "началось", "начались", "стартовал", "закончил",
             # a decision taken, in the short passive ("определены две площадки",
             # "утверждены сроки"), and speaking at an event ("выступил на саммите")
             "определены", "определена", "определено", "утверждены", "утверждена",
             "утверждено", "выбраны", "выбрана", "выбрано", "созданы", "создана", "создано",
             "выступил на", "выступила на", "выступили на",
             # acts of an office in the past ("правительство утвердило план", "президент
             # поручил правительству …", "вручил награды", "поздравил коллегу")
             "утвердил", "одобрил", "поручил", "вручил", "наградил", "поздравил",
             # a decision taken, in the passive ("решение было принято единогласно")
             "решение принят", "решение было принят", "решения приняты",
             "решения были приняты", "принято решени", "было принято решени",
             "приняты решени", "были приняты решени",
             # what the drafter reads as done, so the lint asks no other word for it
             # (kzru.curate.accepts): a reception ("принял делегацию"), an exchange of no
             # document ("обменялись поздравлениями"), a reported past act ("сообщил, что
             # консульство выдало визы", "опубликовал статью")
             "принял", "обменял", "выдал", "опубликовал", "направил", "передал", "подготовил",
             "запустил", "построил", "организовал", "ознакомил",
             "побывал", "был на встреч", "была на встреч", "были на встреч", "был на саммит",
             "были на саммит", "был на форум", "были на форум", "spoke by phone", "talked",
             "arriv", "complet", "visit"),
    "ongoing": ("продолж", "проходит", "проходят", "созданн", "работ", "функционир", "веду",
                "ведет", "начат", "реализу", "прорабатыва", "развива", "обеспечива", "раст",
                "сохраня", "уделя", "участву", "остаются", "остается", "поставк", "собирают",
                "приезжают", "пользуются", "обсуждают", "согласовыва", "договарива",
                "отрабатыва", "готовим", "готовит", "готовят", "подготавлива", "continu",
                "operat", "under way", "ongoing", "work"),
    "planned": ("предстоящ", "запланир", "планир", "намерен", "пройдет", "будет", "предусматрива",
                "начнет", "примет", "настроен", "предполагается", "собирается", "собираются",
                "приедет", "приедут", "прибудет", "прибудут", "посетит", "посетят", "прилетит",
                "прилетят", "совершит", "совершат", "нанесет", "нанесут", "примут",
                # the future of an event's verbs, which news says a plan with ("встреча
                # состоится", "проведут переговоры", "подпишут соглашение"): the lint asks
                # for what the drafter reads as planned (kzru.curate.accepts)
                "состоится", "состоятся", "пройдут", "проведет", "проведут", "подпишет",
                "подпишут", "встретится", "встретятся", "откроет", "откроют", "откроется",
                "откроются", "обсудит", "обсудят", "отправится", "отправятся", "будут",
                "начнется", "начнутся", "запустят", "построят", "создадут", "продлится",
                "продлятся", "увеличит", "увеличат", "направит", "направят", "рассмотрят",
                # set for a date ("встреча назначена на 20 мая", "на 13 октября назначен
                # саммит"); kzru.curate.verbs.scheduled asks for the date ("назначен на
                # должность" appoints)
                "назначен",
                # an announcement of what is to be held or made ("анонсировал создание
                # форума", "анонсировали проведение выставки")
                "анонсир",
                # more futures of what sides or bodies will do, which news reports as plans
                # ("регион перейдет на …", "завод заработает", "закон вступит в силу")
                "перейдет", "перейдут", "войдет", "войдут", "введет",
                "введут", "вступит в", "вступят в", "выделит", "выделят", "построит",
                "запустит", "создаст", "разработает", "разработают", "завершит", "завершат",
                "завершится", "завершатся", "возглавит", "возглавят", "заработает",
                "заработают", "передаст", "передадут", "рассмотрит", "сдаст", "сдадут",
                "возобновит", "возобновят", "возобновится", "возобновятся", "появится",
                "появятся",
                # a plan or an intention announced as a noun ("объявил о планах открыть",
                # "сообщил о намерении", "о планировании строительства")
                "о планах", "о намерени", "о планировани",
                "plan",
                "intend", "will"),  # ("посетит" begins "посетить": an infinitive decides nothing)
    "expected": ("ожида", "помогут", "рассчитыва", "по всей видимости", "станет", "позвол",
                 "будет", "призван", "может стать", "прогноз",
                 # a hedge or a modal of possibility ("скорее всего, состоится", "вероятнее
                 # всего будет подписано", "могут подписать", "возможно")
                 "скорее всего", "вероятнее всего", "вероятно", "по-видимому", "возможно",
                 "могут", "может",
                 # a doubt that it will be ("вряд ли подпишут", "едва ли состоится"): what
                 # is doubted is still a forecast, never a plan
                 "вряд ли", "едва ли",
                 # a hope or a confidence that something will be ("выразил надежду, что …
                 # будет", "выразили уверенность, что …"): what is hoped for is expected
                 "выразил надежд", "выразила надежд", "выразили надежд", "надеется",
                 "надеются", "выразил уверенност", "выразила уверенност",
                 "выразили уверенност",
                 # an opinion about what is to come ("выразили мнение, что мост повысит
                 # …", "министр считает, что завод выйдет …"): a forecast; these decide only
                 # beside a verb in the future (kzru.curate.decide, OPINION_CUES)
                 "выразил мнени", "выразила мнени", "выразили мнени", "по мнению", "считает",
                 "считают", "полагает", "полагают", "убежден", "уверен",
                 "повысит", "повысят", "повысится", "повысятся",
                 # where something will come to ("сотрудничество выйдет на новый уровень",
                 # "товарооборот выйдет на отметку …"): a forecast
                 "выйдет", "выйдут",
                 # what a figure will do, a forecast ("товарооборот вырастет", "составит")
                 "вырастет", "вырастут", "увеличится", "увеличатся", "составит", "составят",
                 "превысит", "превысят", "достигнет", "сократится", "сократятся", "снизится",
                 "снизятся",
                 # a future of consequence ("придаст импульс", "укрепит связи"): a forecast
                 "придаст", "придадут", "поможет", "укрепит", "укрепят", "обеспечит",
                 "обеспечат", "повлияет", "приведет", "приведут",
                 "expect", "likely", "will", "probably"),
    "proposed": ("предлага", "предложил", "рассматрива", "перспективн", "необходимо", "инициатив",
                 "может стать", "выступил с инициатив", "выступила с инициатив",
                 "выступили с инициатив", "выдвинул иде", "выдвинула иде", "выдвинули иде",
                 "внес предложени", "внесла предложени", "внесли предложени",
                 "пригласил", "приглашает", "приглашают",  # an invitation proposes a visit
                 # readiness declared is an offer ("заявил о готовности принять", "выразили
                 # готовность помочь")
                 "заявил о готовност", "заявила о готовност", "заявили о готовност",
                 "выразил готовност", "выразила готовност", "выразили готовност",
                 "propos", "consider", "suggest", "initiative"),
}

# The expected cues that are an opinion: they forecast only what a verb in the future after
# them names ("считает, что завод выйдет на рынок"); of the past or the present ("считает,
# что переговоры прошли успешно") they report a view, and decide nothing.
OPINION_CUES: tuple[str, ...] = (
    "выразил мнени", "выразила мнени", "выразили мнени", "по мнению", "считает", "считают",
    "полагает", "полагают", "убежден", "уверен")

# Verbs that report talk rather than decide anything: a sentence whose strongest cue is one of
# these stays `reported` ("обсудили", "обсуждались", "подчеркнули важность", "обозначили
# сотрудничество"; "обменялись мнениями" is talk, not an exchange of documents).
REPORTED_CUES: tuple[str, ...] = (
    "обсуди", "обсужд", "подчеркн", "подчерки", "отмети", "отмеча", "отмечен", "обозначи",
    "обменялись мнени", "обменялись опыт", "обменялись информаци", "обменялись взгляд",
    "обменялись точк",
    # touching on a topic is talk too ("стороны затронули вопросы", "беседа коснулась")
    "затрону", "затраги", "коснул", "касал", "обговор", "рассмотрел", "речь шла", "шла речь",
    "discuss", "stress", "underline", "note",
)

# Verbs of exchange: a signing only when they govern a document ("обменялись нотами",
# "обменялись соглашениями"); "обменялись поздравлениями" or "…опытом" is no signing.
EXCHANGE_CUES: tuple[str, ...] = ("обменял", "exchang")
# Likewise "принять" adopts only a document ("приняли декларацию", "принят закон"); it
# accepts an invitation or a proposal ("принял приглашение": agreed) and otherwise receives
# someone or takes part ("принял делегацию", "принял участие": done).
TAKING_CUES: tuple[str, ...] = ("принял", "принят", "приня")
ACCEPTED_WORDS: tuple[str, ...] = ("приглашени", "предложени", "invitation", "proposal")
# What "принять" takes something as when it only notes or weighs it ("принято к сведению",
# "принял во внимание", "принято к рассмотрению"): no acceptance, no adoption.
NOTED_AS: tuple[str, ...] = ("к сведению", "к рассмотрению", "во внимание", "к обсуждению",
                             "into account", "under consideration")

# Words of intention that govern an infinitive: what the infinitive names is a plan, whatever
# its verb ("планируется открыть", "намерены подписать", "предполагается построить",
# "собираются запустить"). Matched at the start of a word within INTENTION_REACH words before
# the infinitive.
INTENTION_WORDS: tuple[str, ...] = (
    "планир", "запланир", "намерен", "намерева", "предполагается", "предполагают",
    "собирается", "собираются", "plan", "intend")
INTENTION_REACH = 4

# Phrases that frame what a sentence reports as an outcome ("По итогам переговоров
# подписаны…"): they decide a status only when no word of the sentence has a cue of its own
# ("По итогам встречи — совместное заявление" is done; "По итогам запланировано подписание
# документов" is planned, "По итогам визита планируется подписать…" too).
FRAMING_CUES: tuple[str, ...] = ("по итогам",)

# When a sentence holds cues of several statuses, the earlier status here wins: a signing
# outranks an agreement, a proposal or forecast the verbs it frames ("по всей видимости, будет
# сделан"), anything that happened a state of affairs, and any cue the verbs of talk.
STATUS_ORDER: tuple[str, ...] = (
    "signed", "agreed", "proposed", "expected", "done", "planned", "ongoing", "reported")

# Word classes (pymorphy2 tags) a single-word cue may take to decide a draft's status: verbs,
# participles, gerunds, predicatives and adjectives ("предстоящий", "перспективный"). A noun
# such as "работа" or "договор" shows a topic, not what happened to it.
DECIDING_POS: frozenset[str] = frozenset(
    {"VERB", "INFN", "PRTF", "PRTS", "GRND", "PRED", "ADJF", "ADJS", "ADVB"})

# Nouns naming a document: a signing, exchange or adoption verb governing one makes the fact a
# document.
DOCUMENT_WORDS: tuple[str, ...] = (
    "соглашени", "меморандум", "декларац", "заявлени", "протокол", "договор", "дорожн", "карт",
    "документ", "пакет", "конвенц", "контракт", "программ", "план", "меморандум", "устав",
    "закон", "резолюц",
    "agreement", "memorand", "declaration", "statement", "protocol", "treaty", "roadmap",
    "document", "contract",
)
# Verbs that act on a document: sign, exchange, adopt, ratify, conclude.
DOCUMENT_VERBS: tuple[str, ...] = (
    "подпис", "обменял", "принят", "принял", "приня", "ратифицир", "заключил", "заключен",
    "sign", "exchang", "adopt", "ratif", "conclud")
# The nouns of a signing ("подписание", "подписанием"): "завершились подписанием соглашений".
SIGNING_NOUNS: tuple[str, ...] = ("подписани", "ратификаци", "signing")
# Words that deny or doubt what a clause after them tells ("опроверг сообщения о том, что …
# подписали", "слухи о том, что …", "ошибочно сообщили", "якобы"): a signing told there
# never happened as far as the text says.
DENIAL_WORDS: tuple[str, ...] = (
    "опроверг", "опровергл", "опровержени", "слух", "ошибочн", "якобы", "ложн", "denied",
    "denies", "deny", "rumo", "falsely")
# A confirmation negated ("не подтвердил", "не подтвердились", "не соответствуют
# действительности") leaves what it is about a rumour.
UNCONFIRMED: tuple[str, ...] = ("не подтверд", "не соответству", "not confirm")
# Verbs that call an act off or put it off ("отложили подписание", "подписание отменено"): a
# signing named as a noun beside them has not taken place (a noun, "об отмене пошлин", not).
CALLED_OFF_WORDS: tuple[str, ...] = (
    "отлож", "отмен", "сорва", "сорвал", "перенес", "перенос", "postpon", "cancel")
# What a description's verbs say is reported, not done or ongoing: "отношения развиваются",
# "товарооборот растёт" describe; only a meeting, a project, an institution… is done/ongoing.
DESCRIPTIVE_KINDS: frozenset[str] = frozenset({"statement", "figure"})
DESCRIBED_STATUSES: frozenset[str] = frozenset({"done", "ongoing"})
# ...but work under way is no description: people coordinating, negotiating, preparing or
# working out something ("стороны согласовывают даты", "мы готовимся к визиту", "вопросы
# отрабатываются") are doing it, ongoing whatever the fact's kind. Imperfective forms of
# agreeing verbs say so too: "согласовывают" is not yet "согласовали".
WORK_UNDER_WAY: tuple[str, ...] = (
    "согласовыва", "договарива", "прорабатыва", "отрабатыва", "готовим", "готовит",
    "готовят", "подготавлива", "ведутс", "ведетс")
# ...nor is the work of people or bodies ("ведомства ведут подготовку учений", "рабочая
# группа работает", "регионы продолжают обмен", "ведомства взаимодействуют"): an activity
# verb is ongoing unless its subject is a state of affairs ("сотрудничество продолжается",
# "отношения развиваются", "товарооборот растёт"), which it describes.
ACTIVITY_CUES: tuple[str, ...] = (
    "работа", "работае", "веду", "ведет", "продолжа", "реализу", "прорабатыва",
    "взаимодейству", "сотруднича", "участву", "функционир", "готовя", "проводя", "проводит",
    "operat", "work", "continu")
# (dictionary forms, matched as whole words: "рост", not "Ростове"; "торговля", not "торговые")
STATE_SUBJECTS: frozenset[str] = frozenset({
    "отношение", "сотрудничество", "взаимодействие", "товарооборот", "торговля", "связь",
    "партнерство", "диалог", "динамика", "интерес", "рост", "объем", "доля", "спрос",
    "relations", "cooperation", "trade", "partnership", "dialogue"})
# What a reported clause's own verb says (kzru.curate.decide._reported_acts): under a verb of
# saying ("сообщил, что …", "рассказал, что …"), a past perfective verb with no cue of its own
# names an act done ("утвердили график", "опубликовал статью") — but not a change in a state
# of affairs or an amount ("выросли", "стали сложнее", "ухудшились"), which is an assessment
# the speaker reports; nor a verb whose object is a quality ("приняли неоднозначный
# характер", "вышли на новый уровень").
CHANGE_VERBS: tuple[str, ...] = (
    "вырос", "выросл", "увеличил", "снизил", "сократил", "уменьшил", "стал", "ухудшил",
    "улучшил", "изменил", "укрепил", "ослаб", "осложнил", "упрочил", "достиг", "превысил",
    "составил", "подорожал", "подешевел", "упал", "понизил", "повысил", "удвоил", "утроил",
    "расширил", "сузил", "оказал", "оказалс", "получил", "приобрел", "обрел", "сохранил",
    "остал", "смог", "сумел", "удалось", "показал")
# (dictionary forms, matched as whole words: "форма", not "формат")
QUALITY_OBJECTS: frozenset[str] = frozenset({
    "характер", "оборот", "форма", "масштаб", "уровень", "значение", "смысл", "очертание",
    "character", "turn", "level"})
# A frequency adverb beside a verb of saying makes the statement a habitual stance, not a
# report of one act ("неоднократно заявлял о намерении …", "не раз подчеркивал"): the
# intention it names is no plan, and the stance belongs to no one event.
ITERATIVE_WORDS: tuple[str, ...] = (
    "неоднократно", "не раз", "не однажды", "не единожды", "многократно", "всегда",
    "традиционно", "регулярно", "постоянно", "repeatedly", "has always", "more than once")
# How far (in words) a document word may stand from its verb and still be governed by it.
DOCUMENT_REACH = 6

# Words news uses for a sector, by the beginnings of their forms, beside the data folder's own
# sector names and aliases (which kzru.curate.lexicon matches by stem, word for word): an
# adjective or a compound the aliases do not reach ("транзитных перевозок", "грузоперевозки",
# "логистического центра", "нефтяной", "атомной станции"). The drafter takes a sector from
# these only when the data folder has that sector.
SECTOR_STEMS: dict[str, tuple[str, ...]] = {
    "transport": ("перевоз", "грузоперевоз", "авиаперевоз", "пассажироперевоз", "транзит",
                  "логисти", "грузопоток", "железнодорож", "контейнер", "авиасообщ",
                  "авиарейс", "транспорт", "автоперевоз", "грузов", "transport", "transit",
                  "logistic", "railway", "freight", "cargo"),
    "energy": ("нефт", "газопровод", "нефтепровод", "газов", "энергет", "электроэнерг",
               "электростанц", "угольн", "теплоэнерг", "топливн", "oil", "gas", "energy",
               "electricity"),
    "nuclear": ("атомн", "ядерн", "уранов", "nuclear", "uranium"),
    "agriculture": ("зерн", "пшениц", "сельскохозяйств", "агропромышлен", "аграр", "фермер",
                    "животновод", "растениевод", "grain", "wheat", "agricultur", "farm"),
    "education": ("университет", "вуз", "студент", "колледж", "образовательн",
                  "university", "student", "college"),
    "health": ("медицин", "здравоохран", "больниц", "вакцин", "medical", "hospital"),
    "tourism": ("туризм", "туристическ", "турист", "tourism", "tourist"),
    "space": ("космическ", "космодром", "space"),
    "security": ("оборон", "военн", "defence", "defense", "military"),
    "finance": ("банковск", "финансов", "banking", "financial"),
    "industry": ("промышлен", "металлург", "машиностро", "industrial", "manufactur"),
}

# Sectors that name an activity rather than a field: beside another sector, that one is the
# fact's main sector ("строительство атомной станции" is nuclear first).
ACTIVITY_SECTORS: frozenset[str] = frozenset({"construction"})

# Attribution: who says it. Verbs of saying (any person and tense begin with these stems) and
# the phrases that name a source of a view.
SAYING_VERBS: tuple[str, ...] = (
    "сказал", "отметил", "заявил", "подчеркнул", "подчеркива", "сообщил", "сообщает",
    "рассказал", "пояснил", "добавил", "считает", "полагает", "уверен", "акцентир", "указал",
    # the plural of a present of opinion ("эксперты считают", "аналитики полагают")
    "считают", "полагают", "говорят", "сообщают", "уверены", "убеждены",
    # the imperfective past of saying ("Ранее в Кремле сообщали, что …", "сообщалось")
    "сообщал", "говорилось", "объявил", "анонсир",
    "убежден", "признал", "напомнил", "констатир", "прокомментир", "говорит", "говорил",
    "отмеча", "заявля", "рассказыва", "поясня", "добавля", "уточнил", "уточня", "выразил",
    "выража", "информир", "отметив", "подчеркнув", "заявив", "сообщив", "добавив",
    # naming something so is saying it ("в Кремле назвали переговоры успешными", "оценил")
    "назвал", "называ", "оценил", "оценива", "охарактеризова",
    "said", "told", "stated", "noted", "added", "believes",
)
ATTRIBUTION_PHRASES: tuple[str, ...] = (
    "по словам", "по мнению", "по оценке", "как отметил", "как отметила", "как сказал",
    "как подчеркнул", "как заявил", "как считает", "по данным", "according to",
)
# A view attributed to a group rather than a person.
GROUP_SPEAKERS: dict[str, str] = {
    "эксперт": "эксперты", "аналитик": "аналитики", "политолог": "политологи",
    "наблюдател": "наблюдатели", "expert": "experts", "analyst": "analysts",
}

# Offices a speaker is named by when the text names no person ("По словам министра энергетики
# Казахстана, …", "по мнению посла России"): the office as written, its noun in the
# nominative, is the speaker, put in English by kzru.curate.offices when its tables read
# every word of it, else kept in Russian. The normalised nominatives of the office nouns.
OFFICE_NOUNS: tuple[str, ...] = (
    "министр", "замминистра", "заместитель", "вице-министр", "вице-премьер", "посол",
    "губернатор", "аким", "мэр", "председатель", "глава", "директор", "руководитель",
    "представитель", "спикер", "депутат", "сенатор", "пресс-секретарь", "советник",
    "помощник", "генконсул", "консул", "начальник", "президент", "премьер-министр",
    "управляющий", "ректор", "секретарь")
OFFICE_WORDS = 5  # words of an office's name kept after its noun, at most

GROUP_SPEAKERS_EN: dict[str, str] = {
    "эксперты": "experts", "аналитики": "analysts", "политологи": "political scientists",
    "наблюдатели": "observers"}

# Titles a speaker is named by, per role: the words in the nominative, "~" after a noun that
# may take any singular case ("главы государства", "президентом", "министру иностранных
# дел"). A side is named by an adjective before ("казахстанский лидер") or a country after
# ("президент России"). The drafter resolves a title to the person the same article names
# with it ("Президент России Владимир Путин"), else keeps the title.
TITLES: dict[str, tuple[str, ...]] = {
    "head-of-state": ("президент~", "глава~ государства", "лидер~", "president", "leader",
                      "head of state",
                      # the head of state named by the seat ("глава Кремля", "хозяин Акорды")
                      "глава~ кремля", "хозяин~ кремля", "глава~ акорды", "хозяин~ акорды"),
    "head-of-government": ("премьер-министр~", "премьер~", "глава~ правительства",
                           "председатель~ правительства", "глава~ кабмина", "prime minister",
                           "premier"),
    "foreign-minister": ("министр~ иностранных дел", "глава~ мид",
                         "глава~ внешнеполитического ведомства", "foreign minister"),
}
# Words after a title that name its country by reference ("министр иностранных дел
# республики", "президент страны"): part of the title, naming no side by themselves.
TITLE_REFERENCES: tuple[str, ...] = ("республики", "страны")
# The adjectives that name a side before a title, in the nominative the kept title uses.
SIDE_ADJECTIVES: dict[str, tuple[str, str]] = {
    "kz": ("казахстанск", "казахстанский"), "ru": ("российск", "российский")}


# Fact kinds by the nouns a sentence holds (the first kind whose words appear wins, after
# document, which needs its verb). Meetings: the words news uses for leaders' contacts.
KIND_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ceremony", ("церемон", "возложен", "ceremon", "wreath")),
    ("meeting", ("визит", "приезд", "переговор", "встреч", "встрет", "саммит", "форум",
                 "заседани", "сессия", "сессии", "телефонн", "прибыл", "прилетел", "visit",
                 "talks", "meeting", "summit")),
    ("institution", ("филиал", "представительств", "отделени", "офис", "branch", "office")),
    ("project", ("строительств", "проект", "завод", "комбинат", "станци", "аэс", "линии",
                 "предприяти", "construction", "project", "plant")),
    ("initiative", ("инициатив", "возможност", "вопрос", "initiative")),
)
