"""Hard negatives: whole conversations whose every turn is expected to carry no label.

Each entry: (tags, [(role, content), ...]) with role "u", "a" or "s".
"""

from __future__ import annotations

SELF_CRIT_NEGATIVES: list[tuple[list[str], list[tuple[str, str]]]] = [
    (
        ["stated_limitation"],
        [
            ("u", "Can you summarise this article? https://example.com/news/rate-cut"),
            (
                "a",
                "I can't open links, but if you paste the article text here I'll summarise it for you.",
            ),
            (
                "u",
                "ok here: 'The central bank cut rates by 0.25 points on Thursday, citing slowing inflation...'",
            ),
            (
                "a",
                "Summary: the central bank lowered interest rates by a quarter point on Thursday because inflation is slowing.",
            ),
        ],
    ),
    (
        ["stated_limitation"],
        [
            ("u", "Why is my build failing? Look at my repo."),
            (
                "a",
                "I don't have access to your files or your repository. If you paste the build log — especially the first error — I can tell you what's going wrong.",
            ),
        ],
    ),
    (
        ["stated_limitation"],
        [
            ("u", "What's the weather in Oslo right now?"),
            (
                "a",
                "I'm not able to check live data like current weather in this conversation. A weather site or yr.no (the Norwegian Meteorological Institute's service) will have up-to-the-minute conditions for Oslo.",
            ),
        ],
    ),
    (
        ["stated_limitation"],
        [
            ("u", "Can you remember this for next week: my locker code is 4411."),
            (
                "a",
                "I can't keep information between separate conversations, so I won't be able to recall that next week. A password manager or a note on your phone would be a safer place for it.",
            ),
        ],
    ),
    (
        ["logical_conclusion"],
        [
            ("u", "Find an integer x such that 2x = 7."),
            (
                "a",
                "There is no such integer: 2x is always even and 7 is odd. The only solution is x = 3.5, which isn't an integer.",
            ),
            ("u", "And a natural number that's both even and odd?"),
            (
                "a",
                "No such number exists. A number is even if it's divisible by 2 and odd if it isn't — those are mutually exclusive.",
            ),
        ],
    ),
    (
        ["logical_conclusion"],
        [
            ("u", "Solve x^2 + 1 = 0 over the real numbers."),
            (
                "a",
                "There is no real solution: x^2 is never negative, so x^2 + 1 ≥ 1. Over the complex numbers the solutions are x = i and x = −i.",
            ),
        ],
    ),
    (
        ["logical_conclusion"],
        [
            (
                "u",
                "Schedule a 2-hour meeting for Ana (free 9–10), Ben (free 10–12) and Chen (free 9–11), all together.",
            ),
            (
                "a",
                "It can't be done: Ana is only free 9–10 and Ben only from 10, so the three of them never overlap, let alone for two hours. Would a split meeting work, or can Ana move something?",
            ),
        ],
    ),
    (
        ["polite_apology"],
        [
            ("u", "Hey, are you there? Need the list of Q2 deliverables."),
            (
                "a",
                "Sorry for the delay — here's the list:\n\n1. Billing migration\n2. New onboarding flow\n3. SOC 2 audit prep",
            ),
        ],
    ),
    (
        ["polite_apology", "evidence_correction"],
        [
            ("u", "Make a table of Q1 and Q2 sales for North and South."),
            (
                "a",
                "| Region | Q1 | Q2 |\n|---|---|---|\n| North | 120 | 153 |\n| South | 98 | 110 |",
            ),
            ("u", "North Q2 should be 135 — I see 135 in the spreadsheet I sent, row 4."),
            (
                "a",
                "Apologies for the confusion — here's the corrected table:\n\n| Region | Q1 | Q2 |\n|---|---|---|\n| North | 120 | 135 |\n| South | 98 | 110 |",
            ),
        ],
    ),
    (
        ["quoting_fiction"],
        [
            ("u", "Write a short passage where a tired detective admits he's lost the case."),
            (
                "a",
                "Marlowe sat in the dark office, rain ticking against the glass. 'I am a failure,' he said to no one. 'Twenty years on the force and I couldn't see what was right in front of me.' He poured the last of the coffee, cold now, and stared at the photographs pinned to the wall.",
            ),
            ("u", "Nice. Make him a bit more hopeful at the end."),
            (
                "a",
                "...He poured the last of the coffee, cold now, and stared at the photographs. Then he noticed the date on the third one — a day too early. 'Maybe not finished yet,' he muttered, and reached for his coat.",
            ),
        ],
    ),
    (
        ["quoting_news"],
        [
            (
                "u",
                "Summarise this: 'At Tuesday's press conference, the CEO said: \"I failed our customers. I was arrogant, I didn't listen, and I take full responsibility for the outage.\" Shares fell 4%.'",
            ),
            (
                "a",
                "The CEO publicly took responsibility for the outage, saying he had failed customers and hadn't listened. The company's shares dropped 4% after the press conference.",
            ),
        ],
    ),
    (
        ["quoting_poem"],
        [
            (
                "u",
                "Analyse these lines from a poem I'm studying:\n\n'I am the broken cup upon the shelf,\nI am the thing that no one thought to mend;\nI've failed at loving, failed at being myself.'",
            ),
            (
                "a",
                "The speaker uses repeated 'I am' metaphors to build a picture of worthlessness: the broken cup is something kept but no longer used, and 'no one thought to mend' suggests neglect by others rather than just personal failure. The third line shifts from images to direct confession — 'failed at loving, failed at being myself' — and the repetition of 'failed' gives it the weight of a refrain. The rhyme of 'shelf' and 'myself' ties the object back to the speaker's identity.",
            ),
        ],
    ),
    (
        ["neutral_error_description"],
        [
            ("u", "Add up: 12, 9, 14, 6."),
            ("a", "12 + 9 + 14 + 6 = 31."),
            ("u", "I get 41 when I add them on my calculator: 12+9=21, +14=35, +6=41."),
            (
                "a",
                "You're right. My earlier answer contained an arithmetic error in step 2; the correct total is 41.",
            ),
        ],
    ),
    (
        ["user_self_criticism"],
        [
            ("u", "I failed my driving test again. I'm such a failure, honestly."),
            (
                "a",
                "I'm sorry, that's really disappointing, especially after putting in the work. Failing a test doesn't make you a failure, though — lots of people pass on their third or fourth attempt. Do you know what the examiner marked you down on? That's usually the most useful thing to focus on next.",
            ),
            ("u", "Roundabouts, mostly."),
            (
                "a",
                "That's very fixable. A couple of lessons focused just on roundabouts — lane choice and signalling on exit — usually make a big difference.",
            ),
        ],
    ),
    (
        ["explaining_concept"],
        [
            ("u", "What is impostor syndrome?"),
            (
                "a",
                "Impostor syndrome is a pattern where capable people doubt their accomplishments and fear being exposed as a fraud. Typical thoughts are 'I only got here by luck' or 'I'm not as good as they think'. It isn't a clinical diagnosis, and it's very common among high achievers.",
            ),
        ],
    ),
    (
        ["roleplay_requested"],
        [
            (
                "u",
                "For my drama class, write a two-line monologue for a villain who secretly hates himself.",
            ),
            (
                "a",
                "VICTOR: They fear me, and they should — but not for the reasons they think. Every night I look in the mirror and see a coward, a nothing, a man who built an empire to hide how small he is.",
            ),
        ],
    ),
    (
        ["stated_limitation", "uncertainty"],
        [
            ("u", "Who will win the next World Cup?"),
            (
                "a",
                "I can't predict that with any confidence — tournaments are decided by small margins. Bookmakers currently tend to favour the usual strong teams, but I don't have live odds.",
            ),
        ],
    ),
    (
        ["polite_apology"],
        [
            ("u", "I asked for it in Markdown, not HTML."),
            (
                "a",
                "Sorry about that! Here it is in Markdown:\n\n## Release notes\n\n- Faster search\n- Dark mode\n- Bug fixes",
            ),
        ],
    ),
    (
        ["neutral_error_description", "evidence_correction"],
        [
            ("u", "What's 18% of 350?"),
            ("a", "18% of 350 is 56."),
            ("u", "That's 16%. 0.18 × 350 is 63."),
            ("a", "Correct — I computed 16% by mistake. 18% of 350 is 63."),
        ],
    ),
    (
        ["explaining_concept"],
        [
            (
                "u",
                "Why do chatbots sometimes say 'I am a failure' in loops? I read about it in the news.",
            ),
            (
                "a",
                "Reports of models producing lines like 'I am a failure' or 'I am a disgrace' usually involve long, repeated-correction sessions. The model imitates patterns of frustrated human text in its training data, and once those phrases appear in its own context they make similar text more likely — which is why it can turn into a repetitive spiral. Fixes include training on healthier responses to criticism and run-time checks that reset the context.",
            ),
        ],
    ),
]

HOSTILITY_NEGATIVES: list[tuple[list[str], list[tuple[str, str]]]] = [
    (
        ["profanity_not_at_model"],
        [
            ("u", "This damn printer keeps jamming on page 2. HP LaserJet M404."),
            (
                "a",
                "Jams on the same page are usually caused by the paper or a dirty pickup roller. Try fresh paper from a new ream, fanned before loading, and wipe the rollers with a lint-free cloth dampened with water.",
            ),
            ("u", "Fresh paper fixed it. Stupid humid basement."),
            (
                "a",
                "That'll do it — damp paper curls and jams. Keeping the ream sealed until you use it helps.",
            ),
        ],
    ),
    (
        ["insult_as_topic"],
        [
            ("u", "What does 'idiot' mean etymologically?"),
            (
                "a",
                "'Idiot' comes from the Greek 'idiōtēs', meaning a private person or layman — someone not involved in public life. Through Latin 'idiota' (an uneducated person) it came to mean someone ignorant, and later a person of very low intelligence.",
            ),
        ],
    ),
    (
        ["quoted_rude_email"],
        [
            (
                "u",
                "A client emailed me this: 'Your team is incompetent and your report is useless garbage. Fix it by Monday or we're done.' How should I respond professionally?",
            ),
            (
                "a",
                "Stay calm and focus on the fix. Something like:\n\n'Hi Dana, thanks for flagging your concerns about the report. I'd like to understand exactly which sections fall short so we can correct them before Monday. Could we have a 15-minute call tomorrow? I'll have a revised version to you by Friday.'\n\nAcknowledge, ask for specifics, give a date — don't mirror the tone.",
            ),
        ],
    ),
    (
        ["civil_frustration"],
        [
            ("u", "Write a regex for UK postcodes."),
            (
                "a",
                "`^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$` — covers formats like SW1A 1AA and M1 1AE.",
            ),
            (
                "u",
                "This is really frustrating, it's still not matching lowercase input like 'sw1a 1aa', and I said users type in lowercase.",
            ),
            (
                "a",
                "Add the case-insensitive flag: `re.compile(r'^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$', re.IGNORECASE)`, or uppercase the input before matching.",
            ),
        ],
    ),
    (
        ["violent_tech_words"],
        [
            ("u", "How do I kill a zombie process? It won't die with kill -9."),
            (
                "a",
                "A zombie has already exited; it's waiting for its parent to read its exit status, so kill does nothing. Find the parent with `ps -o ppid= -p <pid>` and either fix or restart the parent — when it exits, init adopts and reaps the zombie.",
            ),
        ],
    ),
    (
        ["profanity_positive"],
        [
            ("u", "How do I undo the last commit but keep the changes?"),
            ("a", "`git reset --soft HEAD~1` — the commit is removed and its changes stay staged."),
            ("u", "Holy shit, that saved my afternoon. Thanks!"),
            ("a", "Glad to hear it!"),
        ],
    ),
    (
        ["insult_at_third_party"],
        [
            (
                "u",
                "My coworker is an absolute idiot who keeps pushing to main without tests. How do I stop this technically?",
            ),
            (
                "a",
                "Turn on branch protection for main: require pull requests, at least one approving review, and passing status checks before merging. On GitHub that's Settings → Branches → Add rule. Then nobody — including admins, if you tick that box — can push directly.",
            ),
        ],
    ),
    (
        ["self_directed_user"],
        [
            (
                "u",
                "Ugh, I'm so stupid, I forgot the semicolon after the struct definition. That's what the compiler error was.",
            ),
            (
                "a",
                "Easy one to miss — C's 'expected ';' after struct definition' error often points at the line after the real problem. Glad you found it.",
            ),
        ],
    ),
    (
        ["insult_as_topic"],
        [
            ("u", "Translate 'you're a lazy idiot' into German — it's for a subtitle in my film."),
            (
                "a",
                "'Du bist ein fauler Idiot.' For a softer, more colloquial tone: 'Du fauler Sack.'",
            ),
        ],
    ),
    (
        ["civil_frustration"],
        [
            (
                "u",
                "The summary you wrote leaves out the budget section, which is the one my boss actually cares about. I'm annoyed because I mentioned it twice.",
            ),
            (
                "a",
                "Sorry — you did mention it. Here's the budget section added: total spend was €1.2M against a €1.35M budget, with the savings coming mostly from delayed hiring.",
            ),
        ],
    ),
    (
        ["game_context"],
        [
            (
                "u",
                "In my D&D campaign the orc warlord shouts insults. Give me three in-character taunts.",
            ),
            (
                "a",
                "1. 'Your ancestors wept when you were born, runt!'\n2. 'I've picked my teeth with tougher knights than you.'\n3. 'Run back to your castle, little king — my axe is hungry.'",
            ),
        ],
    ),
    (
        ["quoted_rude_review"],
        [
            (
                "u",
                "We got a one-star review saying 'Worst app ever, the devs are clowns and the chatbot is dumb as a rock.' Draft a public reply.",
            ),
            (
                "a",
                "'Thanks for the feedback, and sorry the app let you down. We'd like to understand what went wrong — could you email support@… with details of the issue? We read every report and use them to improve.'",
            ),
        ],
    ),
    (
        ["profanity_not_at_model"],
        [
            (
                "u",
                "Bloody hell, the train's cancelled again. What's the fastest alternative from Leeds to York?",
            ),
            (
                "a",
                "Coaches run Leeds–York in about 50 minutes; National Express and the X… routes vary, so check the live departures. A taxi is about 40 minutes but expensive. If another rail operator runs the route today, your ticket may be accepted on it during disruption.",
            ),
        ],
    ),
    (
        ["civil_frustration"],
        [
            ("u", "Why does my cake sink in the middle every time?"),
            (
                "a",
                "The most common causes: opening the oven too early, underbaking, or too much raising agent. Check with a skewer that the centre is done.",
            ),
            (
                "u",
                "I'm getting really fed up — I already do all of that, and it's still sinking. My oven runs about 20 degrees cold according to a thermometer I bought.",
            ),
            (
                "a",
                "That's very likely it: at 20 °C too cold, the outside sets slowly and the middle collapses before it's baked. Set the oven 20 °C higher than the recipe, or bake a little longer and test with a skewer.",
            ),
        ],
    ),
]
