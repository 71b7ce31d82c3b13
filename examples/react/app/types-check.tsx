// Type-level checks of the widget's JSX types (`pnpm typecheck` runs tsc on this folder; the
// page never imports this file). Each @ts-expect-error must be an error: if the types went
// loose (any), tsc reports the directive as unused and the typecheck fails.
import type { MmAskExpert } from '@micromentor/widget';
import type {} from '@micromentor/widget/react';
import { useRef } from 'react';

export function Checks() {
  const ref = useRef<MmAskExpert>(null);
  return (
    <>
      <mm-ask-expert
        ref={ref}
        topic="sql-joins"
        floating
        position="bottom-left"
        onmm-booking-created={(event) => event.detail.booking.id satisfies string}
        onmm-error={(event) => event.detail.message satisfies string}
      />
      <mm-follow-up request-id="req_1" onmm-instant-expired={(event) => event.type} />
      <mm-mentor-console publishable-key="pk_x" user-token="t" />
      <mm-admin-console api-base="http://localhost:8787" />
      {/* @ts-expect-error: the attribute is course-id; courseId would become a lower-cased attribute */}
      <mm-ask-expert courseId="x" />
      {/* @ts-expect-error: position is one of the four corners */}
      <mm-ask-expert position="middle" />
      {/* @ts-expect-error: floating is a boolean */}
      <mm-ask-expert floating="yes" />
      {/* @ts-expect-error: the booking event's detail has no "mentors" */}
      <mm-ask-expert onmm-booking-created={(event) => event.detail.mentors} />
      {/* @ts-expect-error: not one of the widget's elements */}
      <mm-ask-expret />
    </>
  );
}
