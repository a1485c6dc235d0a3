import { maskName, readDay, readDesk, readReference } from './staff-form.js';

describe('staff form input', () => {
  it('reads a reference as a scanner or a clerk types it', () => {
    expect(readReference('K7MQ-4X9T')).toBe('K7MQ-4X9T');
    expect(readReference(' k7mq4x9t ')).toBe('K7MQ-4X9T');
    expect(readReference('K7MQ 4X9T')).toBe('K7MQ-4X9T');
    expect(readReference('K7MQ-4X9')).toBeUndefined();
    expect(readReference('K7MQ-4X90')).toBeUndefined();
  });

  it('reads a day in the picker’s ISO form and as typed', () => {
    expect(readDay('2027-01-12')).toBe('2027-01-12');
    expect(readDay('12.01.2027')).toBe('2027-01-12');
    expect(readDay('12-1-2027')).toBe('2027-01-12');
    expect(readDay('12/01/2027')).toBe('2027-01-12');
    expect(readDay('12 01 2027')).toBe('2027-01-12');
    expect(readDay('31.02.2027')).toBeUndefined();
    expect(readDay('tomorrow')).toBeUndefined();
  });

  it('masks a name to the first name and initials', () => {
    expect(maskName('Anna Marie Jensen')).toBe('Anna M. J.');
    expect(maskName('Cher')).toBe('Cher');
  });

  it('reads a desk name as the queue accepts it', () => {
    expect(readDesk('3')).toBe('3');
    expect(readDesk('  Skranke   4 ')).toBe('Skranke 4');
    expect(readDesk('Øst-2')).toBe('Øst-2');
    expect(readDesk('')).toBeUndefined();
    expect(readDesk('-3')).toBeUndefined();
    expect(readDesk('<b>3</b>')).toBeUndefined();
    expect(readDesk('x'.repeat(21))).toBeUndefined();
  });
});
