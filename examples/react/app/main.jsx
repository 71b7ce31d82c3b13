import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

const LESSONS = [
  { id: 'use-state', title: 'useState: values that survive a render', topic: 'react-use-state' },
  { id: 'use-effect', title: 'useEffect: talking to the outside world', topic: 'react-use-effect' },
];

/**
 * `<mm-ask-expert>` is a custom element: React 19 passes attributes and properties to it as
 * props; its `mm-` events are listened to through a ref (they bubble and cross shadow roots).
 */
function AskExpert({ topic, lessonId, onBooked }) {
  const ref = useRef(null);
  useEffect(() => {
    const element = ref.current;
    const listener = (event) => onBooked(event.detail);
    element.addEventListener('mm-booking-created', listener);
    return () => element.removeEventListener('mm-booking-created', listener);
  }, [onBooked]);
  return <mm-ask-expert ref={ref} topic={topic} course-id="react-101" lesson-id={lessonId} />;
}

function App() {
  const [booked, setBooked] = useState(null);
  return (
    <main>
      <h1>React hooks, step by step</h1>
      <p>Each section has its own “Ask an expert” button, scoped to that section’s topic.</p>
      {LESSONS.map((lesson) => (
        <section key={lesson.id} aria-labelledby={lesson.id}>
          <h2 id={lesson.id}>{lesson.title}</h2>
          <AskExpert topic={lesson.topic} lessonId={lesson.id} onBooked={setBooked} />
        </section>
      ))}
      <p role="status" id="booked">
        {booked ? `Booked with ${booked.mentor.name}.` : 'No session booked yet.'}
      </p>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
