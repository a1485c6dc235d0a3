import { ApiProperty } from '@nestjs/swagger';

/** A call as the clerk who made it sees it. */
export class QueueCallView {
  @ApiProperty() appointmentId: string;
  @ApiProperty({ example: 17 }) number: number;
  @ApiProperty({ example: '3' }) desk: string;
  @ApiProperty() calledAt: string;
  @ApiProperty({ description: 'how many times this number has been called (more than 1: a recall)' })
  calls: number;
  @ApiProperty({ description: 'people checked in and not yet called at the centre today' }) waiting: number;
}

/** A number on the waiting-room screen: no name, CPR number or other personal data. */
export class DisplayCallView {
  @ApiProperty({ example: 17 }) number: number;
  @ApiProperty({ example: '3' }) desk: string;
  @ApiProperty() calledAt: string;
}

export class DisplayView {
  @ApiProperty() centreId: string;
  @ApiProperty({ type: [DisplayCallView], description: 'the last numbers called today, newest first' })
  calls: DisplayCallView[];
  @ApiProperty({ description: 'people checked in and not yet called' }) waiting: number;
}

/** What the live feed sends as `event: call`, one per call or recall. */
export interface DisplayCallEvent extends DisplayCallView {
  centreId: string;
  waiting: number;
}
