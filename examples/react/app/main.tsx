// `<mm-ask-expert>` is a custom element the widget's script tag defines (index.html). Its JSX
// types come from the widget package: attributes by their HTML names, `on<event-name>` props
// typed with the event's detail (React 19 adds them as event listeners), `ref` as the element.
import type { MmBookingCreatedDetail, MmRequestCreatedDetail } from '@micromentor/widget';
import type {} from '@micromentor/widget/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

interface Lesson {
  id: string;
  title: string;
  topic: string;
  /** What learners read for the topic (the widget never shows the id). */
  topicTitle: string;
}

const LESSONS: Lesson[] = [
  {
    id: 'use-state',
    title: 'useState: values that survive a render',
    topic: 'react-use-state',
    topicTitle: 'useState',
  },
  {
    id: 'use-effect',
    title: 'useEffect: talking to the outside world',
    topic: 'react-use-effect',
    topicTitle: 'useEffect',
  },
];

interface AskExpertProps {
  lesson: Lesson;
  onAsked: (detail: MmRequestCreatedDetail) => void;
  onBooked: (detail: MmBookingCreatedDetail) => void;
}

function AskExpert({ lesson, onAsked, onBooked }: AskExpertProps) {
  return (
    <mm-ask-expert
      topic={lesson.topic}
      topic-title={lesson.topicTitle}
      course-id="react-101"
      course-title="React hooks"
      lesson-id={lesson.id}
      lesson-title={lesson.title}
      onmm-request-created={(event) => onAsked(event.detail)}
      onmm-booking-created={(event) => onBooked(event.detail)}
    />
  );
}

function App() {
  const [asked, setAsked] = useState<MmRequestCreatedDetail | null>(null);
  const [booked, setBooked] = useState<MmBookingCreatedDetail | null>(null);
  return (
    <main>
      <h1>React hooks, step by step</h1>
      <p>Each section has its own “Ask an expert” button, scoped to that section’s topic.</p>
      {LESSONS.map((lesson) => (
        <section key={lesson.id} aria-labelledby={lesson.id}>
          <h2 id={lesson.id}>{lesson.title}</h2>
          <AskExpert lesson={lesson} onAsked={setAsked} onBooked={setBooked} />
        </section>
      ))}
      <p role="status" id="asked">
        {asked
          ? `Asked “${asked.request.title}”: ${asked.matches.length} mentors matched.`
          : 'Nothing asked yet.'}
      </p>
      <p role="status" id="booked">
        {booked ? `Booked with ${booked.mentor.name}.` : 'No session booked yet.'}
      </p>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
