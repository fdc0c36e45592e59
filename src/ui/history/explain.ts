/**
 * Plain-language explanations shown next to every figure: what it means and what moves it. HRV numbers are
 * personal; the texts steer people to compare with themselves, not with others.
 */
export const EXPLAIN = {
  heartRate:
    'Mean heart rate: beats per minute over the session. It falls as you relax; caffeine, stress, illness and a recent meal raise it.',
  rmssd:
    'RMSSD (ms) measures how much the time between heartbeats changes from one beat to the next: the calming branch of the nervous system at work. Higher is usually more relaxed or recovered. It varies a lot between people, so compare with your own days, not with others. Sleep, alcohol, illness, hard training and stress lower it.',
  coherence:
    'Coherence (0 to 16) shows how regular the heart-rate wave is at your breathing rhythm: high when heart rate rises and falls smoothly with each slow breath; around 2 and above is a clear, steady rhythm. Steady, relaxed breathing at your resonance rate raises it; talking, moving or irregular breathing lowers it. This session figure is the average along the session.',
  coherenceOverTime:
    'Coherence over the previous minute, every 5 seconds. It usually climbs once your breathing settles into the pacer’s rhythm.',
  breathingRate:
    'Breathing rate is the pacer’s average pace in breaths per minute. Most people’s resonance rate is between 4.5 and 6.5.',
  stressChange:
    'Stress change is your after-session rating minus your before rating (1 calm … 10 very stressed). A negative number means you felt calmer afterwards.',
  tachogram:
    'The line joins the heartbeats, each at the time since the previous beat, in milliseconds. With slow breathing it waves up and down with each breath. Red dots mark beats the analysis treated as artifacts (missed or extra beats) and left out of the figures.',
  rmssdOverTime:
    'RMSSD over the last minute, as the session went on. It usually rises as you settle into slow breathing.',
  measuredBreath:
    'Your breath as the chest strap measured it, rising as you breathe in. Set it against the heartbeats above: at your resonance rate the heart speeds up as you breathe in and slows as you breathe out.',
  simulatedBreath:
    'The breath the simulated heart breathed along with the guide, rising on each breath in: no strap measured it. Set it against the heartbeats above: at the resonance rate the heart speeds up on each breath in and slows on each breath out.',
  swing:
    'Swing: how far your heart rate rose and fell within each paced breath (peak to trough), averaged over the breaths. Near your resonance rate it is at its largest, often 10 to 20 bpm; relaxed, slow, even breathing raises it. Watches that average their heart rate over a few seconds show a somewhat smaller swing.',
  heartRateTrace:
    'Heart rate as the device sent it, about once a second, with the swing of each breath (dots, right axis). The line breaks where the connection dropped.',
  pacerRate: 'The breathing rate the pacer asked for during the session, in breaths per minute.',
  dailyRmssd:
    'Your RMSSD during practice, day by day. Slow breathing raises RMSSD by itself, so this shows how your practice went, not how rested you are: for that, take the morning reading, which has its own baseline and normal range.',
  readiness:
    'Each dot is a morning’s ln RMSSD (the first reading of the day). The line is your 7-day baseline, shown once a week holds 3 readings; the band is your normal range, half a standard deviation either side of your average over the previous two months, shown after 14 readings. A baseline drifting below the band for several days can follow poor sleep, illness, hard training or stress; a single day means little.',
  restingHr:
    'Your heart rate during each morning reading. It is often a few beats higher after a short night, alcohol, a hard day or when a cold is coming on.',
  coherenceTrend:
    'Your average coherence per day. It tends to rise over weeks of practice as slow breathing becomes easier.',
  resonance:
    'Your resonance rate from each assessment: the breathing pace at which your heart rate swings the most. It can shift a little over time.',
  stressTrend:
    'How much calmer (below zero) or more stressed (above zero) you felt after each day’s sessions compared with before.',
  calendar:
    'Days you practised or took a morning reading. A streak counts days in a row; today still counts towards it until midnight.',
  space:
    'How much of this device’s storage the app uses. Persistent storage means the browser will not clear your history to free space.',
} as const;
