"""Rule tables of how a Russian news report is put together, beside the status cues of
kzru.cues: the forms of the future that forecast rather than plan, the verbs of a past
contact between leaders, the channels a report comes through (agencies, press services),
and the page furniture around a report (captions, "Читайте также", credits).

None of these words comes from one article: they are how news sites write in general. Kept
apart from kzru.cues (what a verb says happened) because these say how the report is told.
"""

from __future__ import annotations

# A finite verb in the future tense ("подпишут", "состоится", "продлится", "обсудят") says
# what is to come: planned, whatever its own stem; these futures of consequence ("станет",
# "позволит", "придаст импульс", "сможет") forecast: expected.
FORECAST_FUTURES: tuple[str, ...] = (
    "стан", "позвол", "помож", "придаст", "придадут", "даст", "дадут", "смож", "окаж",
    "обеспеч", "повлияе", "приведе", "приведут", "способству", "укрепит", "укрепят",
    "will help", "will allow")
# Futures of having, receiving or staying ("студенты получат дипломы", "город обретёт",
# "выпускник останется в стране") describe a state to come, not an act the sides plan: they
# decide no status.
HAVING_FUTURES: tuple[str, ...] = (
    "получ", "обрет", "приобрет", "остан", "will get", "will receive", "will remain")

# A past contact between leaders ("поговорили по телефону", "беседовали", "созвонились",
# "побывал на саммите"): done, however the sentence frames it.
PAST_CONTACTS: tuple[str, ...] = (
    "поговорил", "побеседовал", "беседовал", "созвонил", "пообщал", "общались",
    "встречались", "виделись", "побывал", "был на встреч", "была на встреч",
    "были на встреч", "был на саммит", "были на саммит", "был на форум", "были на форум",
    "провели переговоры", "проводили переговоры", "вели переговоры",
    "spoke by phone", "talked", "met ")
