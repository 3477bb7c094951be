// Preload (NODE_OPTIONS=--require …/clockShift.js) that moves this process's wall clock by
// LIVEPERSON_CLOCK_SHIFT_MS milliseconds: `Date.now()`, `new Date()` and `Date()` answer the shifted
// instant and keep ticking; timers, process.hrtime and performance.now are left alone. Used by
// test/host/atInstant.js to prove that nothing in the suites depends on the hour they run at.
'use strict';
const shift = Number(process.env.LIVEPERSON_CLOCK_SHIFT_MS || 0);
if (shift && !globalThis.__livepersonClockShift) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  function ShiftedDate(...args) {
    if (!new.target) return new RealDate(realNow() + shift).toString();
    return args.length === 0 ? new RealDate(realNow() + shift) : new RealDate(...args);
  }
  Object.setPrototypeOf(ShiftedDate, RealDate);
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => realNow() + shift;
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  globalThis.Date = ShiftedDate;
  globalThis.__livepersonClockShift = shift;
}
