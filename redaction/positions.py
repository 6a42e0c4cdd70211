"""Where a lower-case word stands as a name, in chats and notes.

One rule for the known matcher (a survivor's alias that is also a word: "hope said") and for
the recognizer of unknown people ("trell said be ready"): the words around it, a chat line's
speaker, a greeting, or a relation.
"""

from __future__ import annotations

import re

NAME_BEFORE = {
    "met", "with", "named", "call", "called", "text", "texted", "tell", "told", "ask", "asked",
    "saw", "see", "hey", "hi", "yo", "hello", "hola", "oye", "love", "miss",
    "wit", "w/", "n", "&", "thx", "thanks", "bye", "dear", "ms", "girl", "sis", "babe", "hbd",
    "boo", "aka", "a.k.a.", "said", "soy", "llamo", "llama", "llamada", "llamado", "con",
    "im", "i'm", "i’m", "boy", "bro", "homie", "cuz", "its", "it's", "it’s",
    # titles of respect written in lower case in chats: "don félix", "kuya bong", "tita rose"
    "don", "doña", "dona", "señor", "senor", "señora", "senora", "tío", "tio", "tía", "tia",
    "kuya", "ate", "tita", "tito", "lola", "lolo", "ninong", "ninang", "compa", "comadre",
    "compadre", "madrina", "padrino",
}
NAME_AFTER = {
    "said", "says", "told", "texted", "called", "asked", "wants", "wanted", "came", "went",
    "got", "knows", "drove", "took", "left", "cried", "crying", "ran", "needs", "needed",
    "stayed", "works", "worked", "lives", "lived", "sleeping", "working", "texting", "calling",
    "will", "gonna", "gon", "did", "comin", "coming", "here", "outside", "say", "sez",
    "dijo", "quiere", "llegó", "llego", "vino", "fue", "tiene",
    "wasnt", "isnt", "didnt", "doesnt", "dont", "aint", "cant", "wont", "hasnt",
    "ơi", "oi",  # Vietnamese: "autumn ơi", hey Autumn
    "available", "avail", "incall", "outcall",  # an ad or a memo offering her: "honey avail"
}
# a memo of what was paid for, or an ad's name and age: "april 1hr", "pearl + april",
# "as april 19yo"
_OFFER_AFTER = re.compile(r"[ \t]*(?:\d{1,3}[ \t]?(?:hrs?|hours?|mins?|minutes)\b|[+&][ \t]*\w|"
                          r",?[ \t]*\d{2}[ \t]?(?:yo|y/o|yrs?\b|years? old))")
_OFFER_BEFORE = re.compile(r"\w[ \t]*[+&][ \t]*$")
# second-person words that open a message to someone: "sunny u good?", "lily your customer"
_VOCATIVE_AFTER = {"u", "you", "ur", "your", "r", "are", "pls", "please", "where", "wya", "wyd",
                   "come", "answer", "hbu", "how", "did", "do", "can", "estas", "donde", "ven",
                   "ya", "como", "cómo", "dónde", "tu", "te", "nasaan", "kumusta", "asan",
                   "ikaw", "kelan", "kailan", "ou", "kote", "kijan", "onde", "cadê", "voce",
                   "você", "get", "wake", "hurry", "listen", "stop", "unnie", "eonni", "onni",
                   "oppa", "ate"}
# a phone extraction's message column: "2022-09-14 18:40  Out  Jane Doe 2     brooklyn u in"
_TABLE_MESSAGE = re.compile(r"\s*\d[\d/.\-]+[ \t,]+\d{1,2}:\d{2}\S*[ \t].*(?:\t|[ \t]{3,})$")
_STATES = {"here", "there", "hiding", "sleeping", "crying", "scared", "sick", "missing", "gone",
           "fine", "ok", "okay", "safe", "quiet", "alive",
           "pregnant", "upset", "mad", "hurt", "bleeding", "asleep", "awake", "outside"}
# what a message opening with her name says she has or did: "honor has 3 waiting"
_DOES = {"has", "had", "got", "gets", "owes", "owed", "made", "makes", "paid", "pays", "earned",
         "tiene", "debe", "hizo"}
_ASKED_ABOUT = {"is", "wheres", "where's", "hows", "how's"}
_WHEREABOUTS = {"there", "here", "ok", "okay", "home", "around", "safe", "awake"}
# a pronoun after the first word names whom the message is for ("summr he say we moving"),
# unless that word is a verb or a reply of its own ("hope he ok", "yeah she left")
_VOCATIVE_PRONOUNS = {"he", "she", "they", "we", "i", "im", "i'm"}
_NOT_VOCATIVE = {"hope", "will", "wish", "trust", "pray", "may", "guess", "say", "tell", "yeah",
                 "yes", "yea", "no", "nah", "ok", "okay", "lol", "well", "so", "and", "but",
                 "bet", "damn", "thank", "thanks", "sorry", "think", "said", "know", "swear"}
# an emoji or flag a chat app puts after a contact's name: "Marce 🇬🇹:"
_TAG = r"(?:[^\w\s:()\[\]]{1,4}\s*)?"
_RELATION_BEFORE = re.compile(
    r"(?i)\b(?:mom|mother|mama|mamá|dad|father|papa|papá|sister|brother|cousin|aunt|uncle|"
    r"friend|girlfriend|boyfriend|daughter|son|niece|nephew|grandma|grandmother|prim[oa]|"
    r"herman[oa]|t[ií][oa]|amig[oa]|novi[oa]|hij[oa]|espos[oa]|sobrin[oa]|abuel[oa])"
    r"\s*(?:\(\s*|de\s+|,\s*)?$"
)
_TIME_BEFORE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?\]?\s*(?:[-–]\s*)?$",
                          re.I)
_SAYS = re.compile(r"\s*(?:[^\w\s:()\[\]]{1,4}\s*)?(?:\([^)\n]{0,30}\)\s*)?(?::|->)")
_CONTACT_WORDS = re.compile(r"(?:[ \t]+[\w'’]+){1,2}[ \t]*(?:\t|[ \t]{3,}|\|)[ \t]*[+(]?\d")
_CONTACT_TAIL = re.compile(r"\s*" + _TAG + r"(?:\.{2,}|\t|\s{3,}|:|-{2,}|\|)\s*[+(]?\d")
_SPEAKER_PREFIX = re.compile(r"[\s\[\]\d:/,.\-|>]*(?:[ap]\.?\s?m\.?)?[\s\]\-|>]*", re.I)


# what people call her, in the languages clients write in: "calls me", "me dicen", "me llaman",
# "m'appelle", "tawag sa akin"; the name may open a quotation
_CALLED = re.compile(
    r"(?i)(?:\b(?:call|calls|called|calling)\s+(?:me|her|him|them|u|you)|"
    r"\b(?:me|le|nos|la)\s+(?:dicen|dec[ií]an|llaman|llamaban|chamam|chamavam)|"
    r"\bm['’]appel(?:le|lent|ait|aient)|\btawag(?:\s+nila)?\s+sa\s+akin|"
    # 'known to crew as "Made"', "goes by Faith", "a/k/a Winter"
    r"\bknown(?:\s+to\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?\s+as|\b(?:goes|went|go)\s+by|"
    r"\bnicknamed|\ba\.?[k/]\.?a\.?)\s+[\"“'‘]?$")


_MESSAGE_END = re.compile(r"[ \t]*[?!]+(?=\s|$|[\"”|])|[ \t]*(?:$|\n)", re.M)
_NOT_BEFORE_VOCATIVE = {
    "in", "the", "this", "that", "next", "last", "every", "of", "for", "by", "since", "until",
    "till", "til", "during", "a", "an", "my", "our", "your", "his", "her", "their", "all",
    "early", "late", "mid", "whole", "entire", "before", "after", "through", "thru", "from",
    "to", "is", "was", "be", "it's", "its", "and", "or", "than", "like", "some", "no",
    "are", "were", "so", "too", "very", "really",
    # Spanish: "no es justo", "muy feliz", "el domingo"
    "es", "era", "fue", "está", "esta", "son", "muy", "tan", "más", "mas", "el", "la", "los",
    "las", "un", "una", "este", "ese", "cada", "otro", "otra", "de", "del", "en", "por", "para",
    "hay", "sin", "con"}
# a chat line as exports and extractions print it: a time stamp, a speaker, then the message
_CHAT_LINE = re.compile(r".*(?:\d{1,2}:\d{2}(?::\d{2})?.*?(?:[:|\-]|->)|^[^\s:|]{2,30}:)\s.*\S",
                        re.S)


def _continued_message(text: str, line_start: int, head: str) -> bool:
    """True when a line indented far is the rest of the chat message on the line before
    (exports wrap a long message under its text column)."""
    if not re.match(r"[ \t]{8,}\S", head) or line_start < 2:
        return False
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    return _CHAT_LINE.match(text[prev_start:line_start - 1]) is not None


def name_position(text: str, start: int, end: int) -> bool:
    """True where the word at [start, end) stands as a name."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    tail = text[end:end + 15]
    if _SPEAKER_PREFIX.fullmatch(head) and re.match(
            r"(?:[ \t]+[a-z][\w'’]*){0,2}\s*" + _TAG + r"(?:\([^)\n]{0,30}\)\s*)?(?::|->)",
            text[end:end + 40]):
        return True  # "destiny: where u at", "chula -> Me:", "jade hotel: r u ok"
    if re.search(r"->\s*$", head) and re.match(r"\s*:", tail):
        return True  # "Me -> chula:"
    if re.search(r"(?:^|\t)\d{1,2}:\d{2}(?::\d{2})?\t$", head) and re.match(
            r"(?:[ ]?[^\w\s]{1,4})?[ ]?\t", tail):
        return True  # a tab-separated export's speaker: "20:15<tab>may 🌷<tab>you ok?"
    if re.fullmatch(r"[ \t]*\[", head) and re.match(
            r"\][ \t]*\[(?:(?i:am|pm)|오전|오후)?[ \t]*\d{1,2}:\d{2}", tail):
        return True  # a KakaoTalk export's speaker: "[Mercy] [PM 9:40] ..."
    if re.match(r"\s*->", tail) or (_TIME_BEFORE.search(head) and _SAYS.match(tail)):
        return True  # a chat line wherever the layout put its line breaks
    before = re.findall(r"[\w&/.]+", text[max(0, start - 15):start])
    after = re.match(r"\s*([\w:]+)", tail)
    if before and before[-1].lower() in NAME_BEFORE and not re.search(
            r"(?i)\bso-called\W*$", text[max(0, start - 15):start]):  # "so-called "sugar daddy""
        return True
    if before and before[-1].lower() in ("leave", "left", "let") and re.match(r"[ \t]+alone\b",
                                                                              tail):
        return True  # "leave kay alone"
    if before and before[-1].lower() in ("at", "to", "from", "over") and re.match(
            r"['’]s(?:\s+(?:house|place|home|crib|apartment|apt|room|trailer)\b|(?!\s+[a-z]))",
            tail):
        return True  # "im at gloria's", "going to nana's house"
    if _CALLED.search(text[max(0, start - 24):start]):
        return True  # "he calls me winter now", 'keeps calling me "winter"', "me dicen winter"
    word = re.escape(text[start:end])
    again = re.search(rf"(?<![\w'’])(?i:{word})[ \t,!.]{{1,3}}$", text[max(0, start - 40):start])
    if re.match(rf"[ \t,!.]{{1,3}}(?i:{word})(?![\w'’])", text[end:end + len(word) + 4]):
        return True  # "charity charity": a word called twice is someone called
    if again:  # "she call me winter winter winter": each one her name as the first is
        return name_position(text, start - len(again.group(0)), start - len(again.group(0))
                             + (end - start))
    if text[start:start + 1].isupper() and re.match(
            r"[ \t]+[A-HJ-UW-Z]\.?(?![\w.])(?![ \t]+(?i:session|term|semester|camp|program))",
            tail):
        return True  # "Summer G", "Hope M.": a name and her surname's initial
    if _MESSAGE_END.match(text, end) and before and \
            before[-1].lower() not in _NOT_BEFORE_VOCATIVE and (
                _CHAT_LINE.match(head) or _continued_message(text, line_start, head)):
        return True  # "u ready autumn?": a chat message that ends by naming whom it is for
    if re.search(r"(?i)(?:\bnames?\s+(?:is|was|es|era)|\bi\s+am|\bthis\s+is)\s+$",
                 text[max(0, start - 16):start]):
        return True  # "drivers name is pablo", "i am autumn i cannot enter"
    if after and after.group(1).lower() in NAME_AFTER:
        return True
    if _OFFER_AFTER.match(text, end) or _OFFER_BEFORE.search(text[max(0, start - 12):start]):
        return True
    state = re.match(r"\s*(?:is|was|iz|wuz)\s+([a-z]+)", text[end:end + 25])
    if state and state.group(1) in _STATES:
        return True  # "grace is here", "kiki was crying"
    if before and before[-1].lower() in _ASKED_ABOUT and after and \
            after.group(1).lower() in _WHEREABOUTS and not re.search(
                r"(?:ed|ing|en)$", text[start:end]):  # not "is trafficked there"
        return True  # "is summer there tonight", "wheres kiki at"
    if (re.search(r"(?:[:|\"“]|^)\s*$", head) or _TABLE_MESSAGE.match(head)) and after and \
            (after.group(1).lower() in _VOCATIVE_AFTER or (
                after.group(1).lower() in _VOCATIVE_PRONOUNS
                and text[start:end].lower() not in _NOT_VOCATIVE)):
        return True  # a message that opens by naming whom it is for
    if text[start:start + 1].islower() and re.search(
            r"(?i)\b(?:you|tú|tu|vos|usted)[ \t]+$", text[max(0, start - 8):start]) and \
            re.match(r"[ \t]*,[ \t]+[^\W\d_]", tail):
        return True  # "and you luna, send me the 300", "y tú luna, mándame"
    if text[start:start + 1].islower() and re.search(r"(?<![\d.,])\d{2,4}[ \t]+$", head) and \
            re.match(r"[ \t]+\d{2,4}(?:[ \t]+[^\W\d_]+[ \t]+\d|[ \t]*(?:$|[,.;]))", tail):
        return True  # a tally in a message: "Kay 140 tank 310 dub 90"
    if re.search(r"(?:[:|\"“\[{(]|^)\s*$", head) and text[start:end].lower() not in _NOT_VOCATIVE \
            and text[start:start + 1].islower() and (
                re.match(r",[ \t]+[^\W\d_]", tail) or after and after.group(1).lower() in _DOES):
        return True  # "ana, mama ...", "honor has 3 customs waiting": whom it is for or about
    if _SPEAKER_PREFIX.fullmatch(head) and (_CONTACT_TAIL.match(text, end, end + 40)
                                            or _CONTACT_WORDS.match(text, end, end + 40)):
        return True  # a contact list: "chula ........ (361) 555-0224", "| jade hotel | (419)"
    return bool(_RELATION_BEFORE.search(text[max(0, start - 20):start]))
