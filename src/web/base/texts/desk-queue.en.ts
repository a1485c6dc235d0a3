import type { deskQueueDa } from './desk-queue.da.js';
import type { Shape } from './da.js';

/** The English texts of calling applicants at the desk and of the queue slip, with the keys of `desk-queue.da.ts`. */
export const deskQueueEn: Shape<typeof deskQueueDa> = {
  heading: 'Call applicants',
  desk: 'Your desk',
  deskHint: 'For example 3. Remembered on this computer.',
  deskMissing: 'Enter the number or name of your desk, for example 3',
  deskInvalid: 'Enter the desk in letters and digits (at most 20 characters), for example 3',
  callNext: 'Call next',
  waiting: 'Waiting to be called: {count}',
  nobodyWaiting: 'Nobody checked in is waiting to be called.',
  number: 'Number',
  noNumber: '–',
  queueNumber: 'Queue number',
  noQueueNumber: 'Given at check-in',
  called: 'Called',
  calledTo: 'Called to desk {desk} at {time}',
  calledAgain: 'Called {calls} times, last to desk {desk} at {time}',
  notCalled: 'Not called yet',
  calledNotice: 'Number {number} has been called to desk {desk}.',
  call: 'Call',
  callAgain: 'Call again',
  notWaiting: 'Only an applicant who is checked in and waiting can be called.',
  slipLink: 'Print queue slip',
  slip: {
    title: 'Queue number {number}',
    lead: 'Your number',
    number: 'Number',
    printed: 'Printed {time}',
    appointment: 'Your appointment: {time}',
    watch: 'Watch the screen. When your number is called, it shows which desk to go to.',
    printHint: 'Print the slip with the browser’s print command (Ctrl+P) and hand it to the applicant.',
    back: 'Back to the appointment',
    noNumber: 'The applicant has no queue number yet. Check the applicant in first.',
  },
};
