-- The template library. Doses come from the sources named; where a source gives no number Osteon
-- needs (an impact threshold in g, a safety cap), the description says what was chosen and why,
-- and the physiotherapist adjusts it.
insert into program_template (id, name, description, source, components) values
('liftmor',
 'LIFTMOR: high-intensity resistance and impact training',
 'Twice-weekly supervised sessions: deadlift, back squat and overhead press, 5 sets of 5 at 80-85 % of '
 || '1RM, plus jumping chin-ups with drop landings (5 sets of 5). Intensity starts at 80 % and rises by '
 || '2.5 points every 4 weeks to 85 %. The landing threshold of 4.2 g is the high-impact band of Deere et al. '
 || '(JBMR 2012), not a figure of the trial: the trial reports ground reaction forces, not accelerations.',
 'Watson SL, Weeks BK, Weis LJ, Harding AT, Horan SA, Beck BR. High-intensity resistance and impact training '
 || 'improves bone mineral density and physical function in postmenopausal women with osteopenia and '
 || 'osteoporosis: the LIFTMOR randomized controlled trial. J Bone Miner Res 2018;33(2):211-220.',
 '[{"kind":"resistance","sessionsPerWeek":2,"days":["MONDAY","THURSDAY"],
    "exercises":[{"exercise":"deadlift","sets":5,"reps":5,"minPercent1RM":80.0},
                 {"exercise":"squat","sets":5,"reps":5,"minPercent1RM":80.0},
                 {"exercise":"overhead_press","sets":5,"reps":5,"minPercent1RM":80.0}],
    "progression":{"step":2.5,"everyWeeks":4,"ceiling":85.0}},
   {"kind":"impacts","minG":4.2,"count":25,"per":"session","sessionsPerWeek":2,"days":["MONDAY","THURSDAY"]}]'),
('who-2020',
 'WHO 2020 adult physical activity',
 'At least 150 minutes of moderate-to-vigorous activity a week (any bout length counts since 2020) and '
 || 'muscle-strengthening activity on at least 2 days a week.',
 'Bull FC, Al-Ansari SS, Biddle S, et al. World Health Organization 2020 guidelines on physical activity and '
 || 'sedentary behaviour. Br J Sports Med 2020;54(24):1451-1462.',
 '[{"kind":"mvpa","minutesPerWeek":150,"boutMinutes":1},
   {"kind":"resistance","sessionsPerWeek":2}]'),
('progressive-impact-osteoporosis',
 'Progressive daily jumping for osteoporosis',
 'Daily jumps landing at or above 4.2 g: 20 a day at first, 5 more every 2 weeks, up to 50 a day. For fragile '
 || 'bone, no more than 60 peaks above 6 g a day. Dose after Bassey and Ramsdale (50 jumps a day) and Jamsa et al. '
 || '(about 60 peaks of 4 g or more a day); the 4.2 g threshold is the high band of Deere et al. 2012; the cap is '
 || 'a conservative starting point, not a published limit.',
 'Bassey EJ, Ramsdale SJ. Increase in femoral bone density in young women following high-impact exercise. '
 || 'Osteoporos Int 1994;4:72-75. Jamsa T, et al. Bone 2011 (daily impacts of 4 g or more). Deere K, et al. '
 || 'J Bone Miner Res 2012;27(9):1887-1895.',
 '[{"kind":"impacts","minG":4.2,"count":20,"per":"day","cap":{"aboveG":6.0,"maxPerDay":60},
    "progression":{"step":5,"everyWeeks":2,"ceiling":50}}]');
