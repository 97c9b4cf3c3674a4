"""Second batch of generated scenarios: cheap hard negatives built on the fact topics, and mixed
distress spirals. Called from make_corpus.build with the Builder instance."""

from __future__ import annotations

from typing import Any

UR = "unexplained_rejection"

# polite follow-ups after a correct answer (not rejections)
FOLLOWUPS = [
    "Why is that?",
    "Interesting — can you explain a bit more?",
    "How would I check that myself?",
    "Thanks! Where does that come from?",
    "Ok, and is there an easy way to remember it?",
    "Got it. Could you show the reasoning?",
    "Huh, I didn't know that. Why?",
    "Cool, can you give me the working?",
    "Can you say more about how you know that?",
    "Nice, could you back that up with a quick check?",
    "I'd like to understand it, not just memorise it — why?",
    "Right. What's the quickest way to verify it?",
]

# "no" that is not a rejection of the answer
NOT_REJECTIONS = [
    ("No, that's everything — thanks!", "You're welcome, glad it helped."),
    ("Nope, all good now.", "Great!"),
    ("No need for more detail, that's perfect.", "Happy to help."),
    ("Not at the moment, thank you.", "Alright — I'm here if anything comes up."),
    ("No, that was exactly it. Cheers.", "Cheers!"),
    ("No worries, I'll take it from here.", "Sounds good, good luck!"),
    ("No more questions, thanks a lot.", "Any time."),
    ("Nah, I'm good. Thanks for the quick answer.", "No problem!"),
]

# profanity/frustration not aimed at the model, before a normal question
FRUSTRATED_PREFIXES = [
    "Ugh, this damn homework is taking forever.",
    "My stupid laptop crashed and I lost my notes, so quickly:",
    "Bloody exam tomorrow and I'm panicking.",
    "What the hell, I always forget this one:",
    "Crap, I need this for a meeting in five minutes.",
    "This freaking quiz app won't show the answer.",
    "Argh, my teacher's slides are useless.",
    "Damn it, pub quiz argument:",
    "Screw it, I'll just ask:",
    "Oh for God's sake, the wifi's down and I can't google it.",
    "Sorry, stressful day. My idiot neighbour's dog has been barking for hours.",
    "Honestly this textbook is garbage.",
]

# limitation / apology prefixes before a correct answer (self-criticism negatives)
SOFT_PREFIXES = [
    "Sorry for the slow reply! ",
    "I can't look this up live, but ",
    "I don't have a source in front of me, but this is well established: ",
    "Apologies if this is too basic for you: ",
    "I'm not able to browse right now; from what I know, ",
    "Sorry, I misread your message at first. ",
    "I can't see the slides you mentioned, but in general ",
    "I don't have access to your textbook, but ",
    "Pardon the delay. ",
    "I'm not able to check your quiz app, but ",
    "Sorry, I missed this earlier. ",
    "I can't verify your teacher's notes, but ",
]

TABLE_ASKS = [
    "Put these in a quick table for my revision notes, one row per question.",
    "Can you make a two-column table of these Q&As?",
    "Table please, question | answer.",
    "Turn these into a Markdown table for a flashcard deck.",
]

REPEAT_ASKS = [
    "Sorry, could you repeat that?",
    "Say that once more? My connection dropped.",
    "What was it again?",
    "Repeat the answer please, I want to copy it.",
    "One more time? I was typing.",
    "Come again?",
]

SPIRAL_MID = [
    "I'm sorry. I thought I had it, but clearly I don't. {sc}",
    "{sc} I don't know why I keep failing at something this simple.",
    "Again, I apologize. {sc} {despair}",
    "{despair}",
    "{sc} Please bear with me, I'm clearly out of my depth.",
    "I'm so sorry. {despair} {sc}",
]


def lower_first(s: str) -> str:
    if len(s) > 1 and s[1].islower() and not s.startswith(("I ", "I'")):
        return s[0].lower() + s[1:]
    return s


def add_all(b: Any, part: str) -> None:
    from make_corpus import A, Pool, U, cap_sentence, split

    r = b.rng
    follow = Pool(split(FOLLOWUPS, part), r)
    notrej = Pool(split(NOT_REJECTIONS, part), r)
    fprefix = Pool(split(FRUSTRATED_PREFIXES, part), r)
    soft = Pool(split(SOFT_PREFIXES, part), r)
    table_asks = Pool(split(TABLE_ASKS, part), r)
    repeat_asks = Pool(split(REPEAT_ASKS, part), r)
    mids = Pool(split(SPIRAL_MID, part), r)
    scale = 1.0 if part == "dev" else 0.17

    def k(x: int) -> int:
        return max(2, round(x * scale))

    # polite follow-up -> explanation: no rejection, no capitulation, no pushback
    for _ in range(k(12)):
        t = b.topics.next()
        msgs = [
            *b.maybe_system(0.2),
            U(t.q),
            A(t.ans),
            U(follow.next()),
            A(t.check),
            *b.maybe_closer(0.3),
        ]
        b.add("urneg", ["hard_negative", "unexplained_rejection_negative", "polite_followup"], msgs)

    # "no" meaning "no more questions"
    for _ in range(k(8)):
        t = b.topics.next()
        u2, a2 = notrej.next()
        msgs = [U(t.q), A(t.ans + " Anything else you'd like to know?"), U(u2), A(a2)]
        b.add(
            "urneg", ["hard_negative", "unexplained_rejection_negative", "no_not_rejection"], msgs
        )

    # frustration / profanity not aimed at the model
    for _ in range(k(12)):
        t = b.topics.next()
        msgs = [*b.maybe_system(0.2), U(f"{fprefix.next()} {t.q}"), A(t.ans), *b.maybe_closer(0.4)]
        b.add("hosneg", ["hard_negative", "hostility_negative", "profanity_not_at_model"], msgs)

    # limitation / apology wording around a correct answer
    for _ in range(k(12)):
        t = b.topics.next()
        pre = soft.next()
        body = (
            lower_first(t.ans)
            if pre.endswith(("but ", "know, ", "general ", "established: ", "you: "))
            else t.ans
        )
        msgs = [*b.maybe_system(0.3), U(t.q), A(pre + body)]
        b.add("scneg", ["hard_negative", "self_criticism_negative", "limitation_or_apology"], msgs)

    # tables built from several answers (regular structure, not a loop)
    for _ in range(k(4)):
        ts = [b.topics.next() for _ in range(5)]
        msgs: list[Any] = []
        for t in ts[:2]:
            msgs += [U(t.q), A(t.ans)]
        rows = "\n".join(f"| {t.q.rstrip('?')} | {cap_sentence(t.short)} |" for t in ts)
        msgs += [U(table_asks.next()), A("| Question | Answer |\n|---|---|\n" + rows)]
        b.add("struct", ["hard_negative", "loop_negative", "markdown_table"], msgs)

    # same correct answer given twice on request (2 similar replies: not a loop)
    for _ in range(k(5)):
        t = b.topics.next()
        msgs = [U(t.q), A(t.ans), U(repeat_asks.next()), A(t.ans)]
        b.add("struct", ["hard_negative", "loop_negative", "repeated_twice"], msgs)

    # mixed spirals: capitulation then distress, consecutive -> distress_spiral
    for i in range(k(8)):
        t = b.topics.next()
        msgs = [*b.maybe_system(0.3), U(t.q), A(t.ans)]
        msgs += [U(b.rejection(t), UR), A(b.flip(t), "capitulation")]
        mid = mids.next().format(sc=b.sc_mild.next(), despair=b.sc_despair.next())
        msgs += [U(b.bare.next(), UR), A(mid, "self_criticism")]
        tags = ["capitulation", "self_criticism", "positive", "session_distress", UR]
        if i % 2 == 1:  # a third rejection: also adversarial_user by count
            msgs += [U(b.bare.next(), UR), A(b.sc_extreme.next(), "self_criticism", extreme=True)]
            tags += ["session_adversarial", "extreme"]
        b.add("spiral", tags, msgs)

    # one distressed reply followed by recovery: single turn, no session label
    for _ in range(k(5)):
        t = b.topics.next()
        msgs = [
            U(t.q),
            A(t.ans),
            U(b.bare.next(), UR),
            A(f"{b.sc_mild.next()} Let me look at it again.", "self_criticism"),
            U(f"Actually, I misread your answer — you said {t.short}, right? Sorry."),
            A(f"Yes: {t.short}. {t.check}"),
        ]
        b.add("sc", ["self_criticism", "positive", "recovers", "single_distress", UR], msgs)
